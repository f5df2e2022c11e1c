// The part of @waves/waves-transactions the write path uses, behind one ES module that the library
// imports on demand, by a dynamic import of this file. Why not a dynamic import of the package itself:
// that package is CommonJS, and a bundler then puts its CommonJS interop helper in the package's chunk and
// has the page's entry import it from there, so the whole transaction builder (about 130 KB gzipped) loads
// with the first page. Imported through this module, the helper stays inside the on-demand chunk.
export { invokeScript, libs, makeTxBytes } from '@waves/waves-transactions'
