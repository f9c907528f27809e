// default-document.ts for browsers (package.json's `browser` field): the page's document, as
// Observable Plot defaults to it, and the browser's XMLSerializer.
import type * as Node from './default-document.js';

interface BrowserGlobals {
  document?: Document;
  XMLSerializer?: new () => XMLSerializer;
}
const browser = globalThis as unknown as BrowserGlobals;

export const defaultDocument: typeof Node.defaultDocument = () => {
  if (browser.document == null) {
    throw new Error('figure options.document: expected a Document, as there is no global document here (a worker?)');
  }
  return browser.document;
};

export const serializerFor: typeof Node.serializerFor = (document) => {
  const Serializer = (document.defaultView as unknown as BrowserGlobals | null)?.XMLSerializer ?? browser.XMLSerializer;
  if (Serializer == null) throw new Error('serializeFigure: expected an XMLSerializer in this browser, found none');
  return new Serializer();
};
