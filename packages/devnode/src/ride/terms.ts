// The terms a script is read into: the node's EXPR and DECLARATION (lang/v1/compiler/Terms.scala) and its DApp
// (lang/contract/DApp.scala). Plain data, never changed after reading: the evaluator keeps its state apart.
import type { StdlibVersion } from './versions.ts'
import type { Value } from './values.ts'

/** A call's target: a native function by its FunctionIds id, or a user function (script's or built-in) by name. */
export type FunctionHeader = { kind: 'native'; id: number } | { kind: 'user'; name: string }

export type Expr =
  | { kind: 'long'; value: bigint }
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'if'; cond: Expr; ifTrue: Expr; ifFalse: Expr }
  /** LET_BLOCK (E_BLOCK) and BLOCK (E_BLOCK_V2): a declaration in scope of `body` */
  | { kind: 'block'; declaration: Declaration; body: Expr }
  | { kind: 'ref'; name: string }
  | { kind: 'getter'; expr: Expr; field: string }
  | { kind: 'call'; function: FunctionHeader; args: readonly Expr[] }
  /** an evaluated constant in the bytes: E_ARR (a list of evaluated terms) or E_CASE_OBJ */
  | { kind: 'value'; value: Value }

export type Declaration = LetDeclaration | FuncDeclaration
export interface LetDeclaration {
  kind: 'let'
  name: string
  value: Expr
}
export interface FuncDeclaration {
  kind: 'func'
  name: string
  args: readonly string[]
  body: Expr
}

/** A type a callable's argument may have on its own (DAppMeta bits 1, 2, 4, 8: LONG, BYTESTR, BOOLEAN, STRING). */
export type CallablePrimitive = 'Int' | 'String' | 'Boolean' | 'ByteVector'

/**
 * A callable's argument type as the dApp meta records it (DAppMeta.CallableFuncSignature, one byte per argument):
 * a primitive, a union of two or more primitives (in bit order: Int, ByteVector, Boolean, String), or, with meta
 * version 2 (bit 16), a list of a primitive or of a union. Nothing else can be spelled in the meta.
 */
export type CallableArgType =
  | CallablePrimitive
  | readonly CallablePrimitive[]
  | { list: CallablePrimitive | readonly CallablePrimitive[] }

export interface DAppMeta {
  /** the meta's version: 0 (no types), 1 (unions), 2 (unions and lists) */
  version: number
  /** in the order of `callables`; empty when the meta holds no types (version 0) or they cannot be read */
  callableArgTypes: readonly (readonly CallableArgType[])[]
  /**
   * compact name -> original name of a compacted dApp (DAppMeta.originalNames, or the older
   * compactNameAndOriginalNamePairList); empty when the dApp was not compacted. Only for printing: the script runs
   * under its compact names.
   */
  originalNames: ReadonlyMap<string, string>
  /**
   * Why the types cannot be read, in the node's words (MetaMapper: `Unsupported meta version 3`, `Unexpected
   * callable type absence for index=4` ...); the node reads them only when it needs them, so the script is valid.
   */
  typesError?: string
}

export interface AnnotatedFunction {
  /** the name the annotation gives the Invocation (`@Callable(i)` -> `i`) or the transaction (`@Verifier(tx)`) */
  annotationArg: string
  func: FuncDeclaration
}

export interface ExpressionScript {
  kind: 'expression'
  version: StdlibVersion
  /** Library (content type 3) scripts are read as expressions too, as the node does */
  expr: Expr
}

export interface DAppScript {
  kind: 'dapp'
  version: StdlibVersion
  meta: DAppMeta
  declarations: readonly Declaration[]
  callables: readonly AnnotatedFunction[]
  verifier: AnnotatedFunction | null
}

export type Script = ExpressionScript | DAppScript
