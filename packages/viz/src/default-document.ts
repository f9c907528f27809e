// Where figures get a document and a serializer when the caller passes none: in Node a fresh jsdom
// per call. package.json's `browser` field swaps this file for default-document.browser.ts in
// browser bundles, so jsdom is never bundled for a page.
import { JSDOM } from 'jsdom';

/** A fresh document to create a figure's elements in (never a global one). */
export function defaultDocument(): Document {
  return new JSDOM('').window.document;
}

/** An XMLSerializer of the document's window (outerHTML would drop xmlns), or of a fresh jsdom's. */
export function serializerFor(document: Document): XMLSerializer {
  const view = document.defaultView ?? new JSDOM('').window;
  return new view.XMLSerializer();
}
