// What the page says rather than swallows. The notice line under the toolbar lists refused input (address values
// and typed ones), until it is corrected or replaced. The live region announces only play, pause and errors:
// epoch numbers change many times a second, and a screen reader reading each would drown everything else.

export type NoticeSource = 'address' | 'typed';

export class Notices {
  private readonly lines = new Map<NoticeSource, string>();
  private lastAnnounced = '';

  constructor(
    private readonly line: HTMLElement,
    private readonly live: HTMLElement,
  ) {}

  /** Sets (or clears, with null) one source's notice; a typed refusal is also announced. */
  set(source: NoticeSource, text: string | null): void {
    if (text == null) this.lines.delete(source);
    else this.lines.set(source, text);
    const shown = [...this.lines.values()];
    this.line.hidden = shown.length === 0;
    this.line.textContent = shown.join(' ');
    if (text != null && source === 'typed') this.announce(`Refused: ${text}`);
  }

  /** Says `text` in the live region, once (the same text again is not repeated). */
  announce(text: string): void {
    if (text === this.lastAnnounced) return;
    this.lastAnnounced = text;
    this.live.textContent = text;
  }
}
