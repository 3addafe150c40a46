// The widget's styles, inside its shadow root: the host page's CSS cannot
// reach in, and these rules cannot leak out. Logical properties, so the
// same rules lay out right-to-left in Persian.
export const CSS = `
:host{all:initial}
*{box-sizing:border-box;font-family:Vazirmatn,Tahoma,"Segoe UI",system-ui,sans-serif}
.launcher{position:fixed;inset-block-end:1rem;inset-inline-end:1rem;z-index:2147483000;background:#0d2b4a;color:#fff;border:0;border-radius:2rem;padding:.8rem 1.3rem;font-size:1rem;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.panel{position:fixed;inset-block-end:1rem;inset-inline-end:1rem;z-index:2147483000;width:min(24rem,calc(100vw - 2rem));height:min(34rem,calc(100vh - 2rem));display:flex;flex-direction:column;background:#fff;color:#1a1a1a;border-radius:.8rem;box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden;font-size:.95rem;line-height:1.6}
header{display:flex;align-items:center;justify-content:space-between;background:#0d2b4a;color:#fff;padding:.6rem .9rem}
header h2{font-size:1rem;margin:0}
header button{background:transparent;color:#fff;border:1px solid rgba(255,255,255,.6);border-radius:.4rem;padding:.1rem .5rem;cursor:pointer;font-size:1rem}
.status{padding:.5rem .9rem;background:#eef3f8;color:#0d2b4a;min-height:1rem}
.status:empty{display:none}
.offer{padding:.5rem .9rem;background:#fff6e0;color:#4a3500;border-block-end:1px solid #e6d29a}
.offer a,.offer button{margin-inline-end:.4rem;margin-block-start:.3rem;display:inline-block}
.log{flex:1;overflow-y:auto;padding:.6rem .9rem;display:flex;flex-direction:column;gap:.4rem}
.msg{max-width:80%;padding:.4rem .7rem;border-radius:.7rem;white-space:pre-wrap;overflow-wrap:anywhere}
.msg.customer{align-self:flex-end;background:#0d2b4a;color:#fff}
.msg.agent{align-self:flex-start;background:#e8ecf0;color:#1a1a1a}
.msg .who{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.note{align-self:center;color:#4d5661;font-size:.85rem}
.typing{padding:0 .9rem;color:#4d5661;font-size:.85rem;min-height:1.3rem}
footer{border-block-start:1px solid #d5dbe1;padding:.6rem .9rem}
form{display:flex;flex-direction:column;gap:.45rem}
label{font-size:.85rem;color:#333}
input,textarea,select{width:100%;font:inherit;padding:.4rem .5rem;border:1px solid #7a8591;border-radius:.4rem;color:#1a1a1a;background:#fff}
textarea{resize:none}
.row{display:flex;gap:.4rem;align-items:flex-end}
.row textarea{flex:1}
button{font:inherit;cursor:pointer}
.primary{background:#0d2b4a;color:#fff;border:0;border-radius:.4rem;padding:.45rem .9rem}
.secondary{background:#fff;color:#0d2b4a;border:1px solid #0d2b4a;border-radius:.4rem;padding:.35rem .7rem}
.error{color:#a4141c;font-size:.85rem;margin:0}
fieldset{border:0;padding:0;margin:0 0 .4rem}
legend{font-size:.9rem;margin-block-end:.3rem;padding:0}
.scale{display:flex;flex-wrap:wrap;gap:.25rem}
.scale label{display:inline-flex;align-items:center;justify-content:center;min-width:2rem;border:1px solid #7a8591;border-radius:.4rem;padding:.15rem .35rem;color:#1a1a1a}
.scale input{position:absolute;opacity:0;width:1px;height:1px}
.scale input:checked+span{font-weight:bold;color:#fff}
.scale label:has(input:checked){background:#0d2b4a;border-color:#0d2b4a}
.scale label:has(input:focus-visible){outline:2px solid #e0a100;outline-offset:1px}
.ends{display:flex;justify-content:space-between;font-size:.75rem;color:#4d5661}
:focus-visible{outline:2px solid #e0a100;outline-offset:1px}
`;
