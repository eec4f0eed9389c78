/** Setting up the Jupyter frontends for the kit: the static plotly.js the chart outputs load where no plotly renderer is installed. */
export { installPlotlyAsset } from "./plotly-asset";
