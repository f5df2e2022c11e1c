// The browser worker's entry (see platform.browser.ts). Node's worker runs the same search.ts,
// transpiled into generated.ts.
import { serve, type WorkerScope } from './search.ts'

serve(self as unknown as WorkerScope)
