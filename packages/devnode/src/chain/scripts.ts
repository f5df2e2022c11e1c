// Scripts as the chain meets them: bytes read once into terms and kept by their base64 text (a script's bytes never
// change), and the facts SetScript records about them. Whoever compiled the bytes, the same bytes run the same way.
import { readScript } from '../ride/script/reader.ts'
import type { Script } from '../ride/terms.ts'
import type { ScriptFacts } from '../state/state.ts'

/** Complexities of a script as the node's estimator gives them for /addresses/scriptInfo and the extra fee. */
export interface Complexities {
  complexity: number
  verifierComplexity: number
  callableComplexities: Record<string, number>
}

/** Read scripts by their base64 text; reading is the dearer half of a first call after SetScript. */
export class ScriptCache {
  private readonly read = new Map<string, Script>()

  /** The terms of `base64` (without the `base64:` prefix); throws RideError with the reader's text. */
  get(base64: string): Script {
    let script = this.read.get(base64)
    if (script === undefined) {
      script = readScript(Uint8Array.from(Buffer.from(base64, 'base64')))
      this.read.set(base64, script)
    }
    return script
  }

  /** Keeps a script read elsewhere (SetScript's checks read it first). */
  remember(base64: string, script: Script): void {
    this.read.set(base64, script)
  }
}

/** What SetScript records of a read script. */
export function scriptFacts(base64: string, script: Script, complexities: Complexities): ScriptFacts {
  return {
    base64,
    ...complexities,
    isDApp: script.kind === 'dapp',
    hasVerifier: script.kind === 'expression' || script.verifier !== null,
    stdLibVersion: script.version,
  }
}
