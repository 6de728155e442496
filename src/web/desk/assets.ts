/**
 * The desk's one style sheet and one script, served from /desk/assets/ so the content security policy can forbid
 * every inline script and style. The script only adds conveniences: every form works without it.
 */
export const deskCss = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1c1917;background:#fafaf9}
a{color:#1d4ed8}.top{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.6rem 1.2rem;background:#1c1917;color:#fafaf9}
.top a{color:#e7e5e4;text-decoration:none}.top a[aria-current]{color:#fff;font-weight:700;text-decoration:underline}
.brand{font-weight:700;margin-right:1rem}.top nav{display:flex;gap:1rem;flex-wrap:wrap}.logout{margin-left:auto;color:#d6d3d1}
main{padding:1rem 1.2rem;max-width:1500px}h1{margin:.2rem 0 1rem;font-size:1.5rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .3rem}.flash{background:#ecfccb;border:1px solid #65a30d;padding:.5rem .8rem;border-radius:4px}
.error{background:#fee2e2;border:1px solid #dc2626;padding:.5rem .8rem;border-radius:4px}
.warn{color:#92400e}.muted{color:#57534e}.small{font-size:.85rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border-bottom:1px solid #e7e5e4;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f4;font-weight:600}form.inline{display:inline}
button{font:inherit;padding:.25rem .7rem;border:1px solid #a8a29e;border-radius:4px;background:#fff;cursor:pointer}
button:hover{background:#f5f5f4}button.primary{background:#1d4ed8;color:#fff;border-color:#1d4ed8}button.danger{color:#b91c1c;border-color:#b91c1c}
input,select,textarea{font:inherit;padding:.25rem .4rem;border:1px solid #a8a29e;border-radius:4px;max-width:100%}
textarea{width:100%;min-height:4.5rem}select{max-width:min(100%,36rem)}label{display:block;margin:.4rem 0 .15rem;font-weight:600}label.inline{display:inline}
.card{background:#fff;border:1px solid #e7e5e4;border-radius:6px;padding:.8rem 1rem;margin:.6rem 0}
.previews{display:flex;gap:1rem;flex-wrap:wrap;align-items:flex-start}.preview{border:1px solid #d6d3d1;background:#fff;height:720px}
.preview.desktop{width:700px}.preview.phone{width:375px}.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.2rem}
@media (max-width:1100px){.cols{grid-template-columns:1fr}}.block{border-left:3px solid #d6d3d1;padding-left:.7rem;margin:.8rem 0}
.factors{font-size:.85rem;color:#44403c}.tools{display:flex;gap:.4rem;flex-wrap:wrap;margin:.3rem 0}
.status{display:inline-block;padding:0 .4rem;border-radius:3px;background:#e7e5e4;font-size:.85rem}
.status.approved{background:#dbeafe}.status.sent{background:#dcfce7}.status.sending{background:#fef9c3}
svg.chart{background:#fff;border:1px solid #e7e5e4;max-width:100%;height:auto}svg.spark{vertical-align:middle}
.login{max-width:24rem}.grid2{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:1rem}
`;

export const deskJs = `
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) event.preventDefault();
});
`;
