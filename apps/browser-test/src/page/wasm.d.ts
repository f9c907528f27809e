// esbuild's `file` loader turns an imported .wasm file into the URL it copies the file to.
declare module '*.wasm' {
  const url: string;
  export default url;
}
