/**
 * Preloaded with `node --require bench/hwm-preload.cjs …` by bench/robustness.mjs and the
 * robustness tests: when the process exits, it writes its peak resident set (VmHWM from
 * /proc/self/status, in kB; worker threads share the process, so they are included) to the file
 * named by PARTNER_CHECK_HWM_FILE. Linux only (/proc).
 */
'use strict';
const fs = require('node:fs');
const out = process.env.PARTNER_CHECK_HWM_FILE;
if (out) {
  process.on('exit', () => {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    fs.writeFileSync(out, m ? m[1] : '');
  });
}
