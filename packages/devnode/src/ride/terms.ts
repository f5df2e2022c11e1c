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

/** A callable's argument type as the dApp meta records it (DAppMeta.CallableFuncSignature, protobuf). */
export type CallableArgType =
  | 'Int'
  | 'String'
  | 'Boolean'
  | 'ByteVector'
  | { list: 'Int' | 'String' | 'Boolean' | 'ByteVector' | readonly ('Int' | 'String' | 'Boolean' | 'ByteVector')[] }
  | readonly ('Int' | 'String' | 'Boolean' | 'ByteVector')[]

export interface DAppMeta {
  version: number
  /** in the order of `callables` */
  callableArgTypes: readonly (readonly CallableArgType[])[]
  /** names of declarations the compiler kept though unused (DAppMeta.originalNames, compaction) */
  originalNames: ReadonlyMap<string, string>
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
