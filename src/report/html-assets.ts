/**
 * The inline stylesheet and script of the HTML report. Both are constant strings: the page's
 * Content-Security-Policy allows exactly these two by their SHA-256 hash and nothing else (no network at all),
 * so even a document that slipped a tag past escaping could not run or load anything.
 */

export const CSS = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1b1f24;--muted:#57606a;--card:#f6f8fa;--border:#d0d7de;
--mark:#fff1a8;--mark-fg:#1b1f24;--flag:#b42318;--active:#ffb347;--active-fg:#1b1f24;--ring:#9a3412;
--err:#b42318;--warn:#8a4b00;--info:#175cd3;--badge-fg:#ffffff;--link:#0550ae;--focus:#0969da;--tip:#1b1f24;--tip-fg:#f6f8fa}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--card:#161b22;--border:#30363d;
--mark:#574500;--mark-fg:#fff8d6;--flag:#ff7b72;--active:#b45309;--active-fg:#ffffff;--ring:#fdba74;
--err:#ff7b72;--warn:#e3b341;--info:#79c0ff;--badge-fg:#0d1117;--link:#79c0ff;--focus:#58a6ff;--tip:#e6edf3;--tip-fg:#0d1117}}
*{box-sizing:border-box}
html{scroll-padding:4rem 0}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--link)}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.skip{position:absolute;left:-999px;top:0}
.skip:focus{left:1rem;top:1rem;z-index:10;background:var(--bg);padding:.5rem}
.top{padding:1rem 1.5rem;border-bottom:1px solid var(--border)}
.top h1{margin:0 0 .25rem;font-size:1.4rem}
.top h1 .cmd{color:var(--muted);font-weight:400}
.summary{margin:.25rem 0 .5rem;font-weight:600}
.summary.bad{color:var(--err)}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:0;padding:0}
.counts li{border:1px solid var(--border);border-radius:999px;padding:.1rem .75rem;background:var(--card)}
.counts .num{font-weight:700}
.counts .c-error .num{color:var(--err)}.counts .c-warning .num{color:var(--warn)}.counts .c-info .num{color:var(--info)}
main{padding:0 1.5rem 2rem}
h2{font-size:1.2rem;margin:1.5rem 0 .75rem}
.group-title{font-size:1rem;margin:1.25rem 0 .5rem}
.group-title .n{color:var(--muted);font-weight:400}
.doc-errors li{margin:.25rem 0}
.finding{background:var(--card);border:1px solid var(--border);border-left:6px solid var(--muted);border-radius:8px;padding:.75rem 1rem;margin:.75rem 0;cursor:pointer}
.finding.sev-error{border-left-color:var(--err)}.finding.sev-warning{border-left-color:var(--warn)}.finding.sev-info{border-left-color:var(--info)}
.finding:hover{border-color:var(--focus)}
.finding.active{outline:3px solid var(--ring);outline-offset:1px}
.finding .head{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.badge{display:inline-block;border-radius:4px;padding:0 .45rem;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;color:var(--badge-fg);background:var(--muted)}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}.badge.sev-info{background:var(--info)}
.rule{color:var(--muted)}
.msg{margin:.4rem 0 .6rem}
.sources{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.75rem}
.source{margin:0;background:var(--bg);border:1px solid var(--border);border-radius:6px;padding:.5rem .75rem}
.source blockquote{margin:0 0 .4rem;font-style:normal}
.source figcaption{font-size:.85rem;color:var(--muted)}
.fig{background:var(--mark);color:var(--mark-fg);font-weight:700;padding:0 .15em;border-radius:3px}
.missing{color:var(--muted);font-style:italic}
.doc{border:1px solid var(--border);border-radius:8px;margin:1rem 0;padding:.5rem 1rem}
.doc>summary{cursor:pointer;padding:.25rem 0}
.doc>summary h3{display:inline;font-size:1.05rem;margin:0}
.doc .meta{color:var(--muted);font-size:.9rem;margin:.1rem 0 .5rem}
.doc .text{max-width:75ch}
.doc .text p,.doc .text li,.doc .text blockquote{white-space:pre-line}
.seg-heading{font-weight:700;font-size:1.05em}
.seg-caption,.seg-meta{color:var(--muted);font-size:.9em}
.seg-cell{margin:.2rem 0}
.doc .text blockquote{border-left:3px solid var(--border);margin:.5rem 0;padding-left:.75rem}
mark[data-claim]{position:relative;background:var(--mark);color:var(--mark-fg);border-radius:3px;padding:0 .1em;cursor:help}
mark[data-claim].flag{text-decoration:underline wavy var(--flag);text-underline-offset:.2em}
mark[data-claim].active{background:var(--active);color:var(--active-fg);box-shadow:0 0 0 1px var(--ring)}
mark[data-claim].current{box-shadow:0 0 0 3px var(--ring)}
.tip{display:none;position:absolute;left:0;top:calc(100% + 4px);z-index:5;width:max-content;max-width:22rem;background:var(--tip);color:var(--tip-fg);
border-radius:6px;padding:.4rem .6rem;font:400 .8rem/1.4 system-ui,sans-serif;white-space:normal;text-align:left;box-shadow:0 4px 14px rgba(0,0,0,.3)}
.tip .row{display:block}
.tip .k{font-weight:700;margin-right:.35em}
mark[data-claim]:hover>.tip,mark[data-claim]:focus>.tip{display:block}
mark[data-claim]:has(mark[data-claim]:hover)>.tip,mark[data-claim]:has(mark[data-claim]:focus)>.tip{display:none}
footer{color:var(--muted);font-size:.85rem;padding:1rem 1.5rem;border-top:1px solid var(--border)}
@media (min-width:1100px){
main.split{display:grid;grid-template-columns:minmax(26rem,42%) 1fr;gap:1.5rem;align-items:start}
main.split>#findings-pane{position:sticky;top:0;max-height:100vh;overflow:auto;padding-right:.5rem}
}
`.trim();

/**
 * Clicking (or Enter/Space on) a finding card marks its figures in the documents as active and scrolls the
 * first into view; clicking the same card again moves on to its next figure; a source location link in a card
 * goes to that figure. Clicking a figure in a document selects its finding. Escape clears.
 */
export const JS = `
(function(){
'use strict';
var marks=new Map();
document.querySelectorAll('mark[data-claim]').forEach(function(m){var k=m.getAttribute('data-claim');if(!marks.has(k))marks.set(k,[]);marks.get(k).push(m);});
var cards=Array.prototype.slice.call(document.querySelectorAll('.finding[data-finding]'));
var status=document.getElementById('nc-status');
var active=null,cursor=0;
function list(el,attr){try{var v=JSON.parse(el.getAttribute(attr)||'[]');return Array.isArray(v)?v:[];}catch(e){return [];}}
function clear(){
document.querySelectorAll('mark.active,mark.current').forEach(function(m){m.classList.remove('active');m.classList.remove('current');});
cards.forEach(function(c){c.classList.remove('active');c.removeAttribute('aria-current');});
}
function targets(card){var out=[];list(card,'data-claims').forEach(function(id){(marks.get(id)||[]).forEach(function(m){out.push(m);});});return out;}
function reveal(el){var d=el.closest('details');while(d){d.open=true;d=d.parentElement&&d.parentElement.closest('details');}}
function activate(card,claim,scrollTo){
var again=active===card&&claim==null&&scrollTo!=='card';
clear();active=card;
card.classList.add('active');card.setAttribute('aria-current','true');
var ms=targets(card);
ms.forEach(function(m){m.classList.add('active');});
if(!ms.length){if(status)status.textContent='This finding has no figures in the documents shown.';return;}
var i=0;
if(claim!=null){i=ms.findIndex(function(m){return m.getAttribute('data-claim')===claim;});if(i<0)i=0;}
else if(again){i=(cursor+1)%ms.length;}
cursor=i;
var cur=ms[i];cur.classList.add('current');
ms.forEach(reveal);
if(scrollTo==='card'){card.scrollIntoView({block:'nearest',inline:'nearest'});}
else{cur.scrollIntoView({block:'center',inline:'nearest'});}
if(status)status.textContent='Figure '+(i+1)+' of '+ms.length+' highlighted: '+(cur.getAttribute('data-text')||'');
}
document.addEventListener('click',function(e){
var t=e.target;if(!(t instanceof Element))return;
var card=t.closest('.finding[data-finding]');
if(card){var loc=t.closest('a.loc');if(loc)e.preventDefault();activate(card,loc?loc.getAttribute('data-claim'):null,null);return;}
var m=t.closest('mark[data-claim]');
if(m){var ids=list(m,'data-cards');if(ids.length){var c=document.getElementById(ids[0]);if(c)activate(c,m.getAttribute('data-claim'),'card');}}
});
document.addEventListener('keydown',function(e){
if(e.key==='Escape'){clear();active=null;if(status)status.textContent='';return;}
var t=e.target;
if(t instanceof Element&&t.matches('.finding[data-finding]')&&(e.key==='Enter'||e.key===' ')){e.preventDefault();activate(t,null,null);}
});
})();
`.trim();
