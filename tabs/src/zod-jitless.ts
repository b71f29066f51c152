// zod compiles fast validators with `new Function` when it may, and first probes whether it may.
// The tab's Content-Security-Policy forbids eval, so the probe is a reported violation; validation
// in the tab is small enough to run without the compiled path.
import { config } from 'zod';

config({ jitless: true });
