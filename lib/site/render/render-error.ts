/** A notebook that cannot be rendered: names the notebook and the 1-based cell number. */
export class RenderError extends Error {
  constructor(
    readonly notebook: string,
    readonly cell: number,
    readonly reason: string,
  ) {
    super(`${notebook}, cell ${cell}: ${reason}`);
    this.name = "RenderError";
  }
}
