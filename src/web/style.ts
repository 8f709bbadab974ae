/**
 * The whole stylesheet, inlined: one request per page, readable without it. Colours meet WCAG AA
 * contrast; links that cite are at least 24×24 px (WCAG 2.5.8); nothing is wider than a 390 px
 * phone except the coverage grid, which scrolls inside its own focusable region.
 */
export const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 64rem; padding: 0 1rem 3rem; color: #1b1b1b; overflow-wrap: anywhere; }
header nav { display: flex; gap: 1rem; padding: .5rem 0; }
header nav a:first-child { font-weight: 700; text-decoration: none; }
a { color: #0b57d0; } a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, .scroll:focus-visible { outline: 3px solid #b06000; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; top: 0; } .skip:focus { position: static; display: inline-block; padding: .5rem; }
main:focus { outline: none; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0; }
table { border-collapse: collapse; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
.text { white-space: pre-wrap; }
mark { background: #ffe58a; color: inherit; }
.meta, .basis { color: #555; }
.badge { display: inline-block; font-size: .8rem; padding: 0 .4rem; border-radius: .3rem; background: #eee; color: #1b1b1b; }
.badge.corroborated { background: #cdeccd; } .badge.disputed { background: #f8d0cc; } .badge.single-source { background: #e6e6f6; } .badge.copy { background: #f3e6c8; }
.toc ul { display: flex; flex-wrap: wrap; gap: .25rem .5rem; list-style: none; padding: 0; margin: .5rem 0 1rem; }
.toc a { display: inline-block; padding: .2rem .5rem; border: 1px solid #c8d3e6; border-radius: 1rem; min-height: 24px; }
details > summary { cursor: pointer; }
section > details > summary { list-style-position: outside; margin-left: 1.1rem; }
section > details > summary h2 { display: inline; font-size: 1.25rem; }
section { margin: 1rem 0; border-top: 1px solid #e4e4e4; padding-top: .5rem; }
.event { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .25rem 1rem; margin: .5rem 0; }
.event dt { font-weight: 700; } .event dd { margin: 0; }
.cite { display: inline-flex; align-items: center; justify-content: center; min-width: 24px; min-height: 24px; padding: 0 .35rem; margin: 1px 2px; border: 1px solid #c8d3e6; border-radius: .3rem; font-size: .8rem; text-decoration: none; background: #f4f7fc; line-height: 1.2; }
.cite:hover { background: #e2eaf8; }
.sources > li { margin-bottom: .5rem; } .sources ul { padding-left: 1.2rem; }
.positions { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .75rem; }
.position { border: 1px solid #ddd; border-radius: .4rem; padding: .5rem; }
.position ul, .evidence { padding-left: 1.2rem; }
.filters, .since { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: .5rem 0; }
.filters select, .filters button, .since select, .since button, .since input, .search input, .search button { font: inherit; min-height: 32px; max-width: 100%; }
.search { display: flex; flex-wrap: wrap; gap: .25rem .5rem; align-items: center; margin: .5rem 0 1rem; }
.quick a { display: inline-block; min-height: 24px; padding: 0 .3rem; } .quick a[aria-current] { font-weight: 700; }
.claims > li { margin: .35rem 0; } .claims summary { padding: .1rem 0; }
.cards { list-style: none; padding: 0; } .card { border-bottom: 1px solid #e4e4e4; padding: .5rem 0; }
.card h2 { font-size: 1.1rem; margin: 0 0 .2rem; line-height: 1.3; } .card p { margin: .1rem 0; }
.pager { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; } .pager a { display: inline-block; padding: .3rem .6rem; min-height: 24px; }
.hits > li { margin-bottom: .75rem; } .hits p { margin: .1rem 0; }
.scroll { overflow-x: auto; max-width: 100%; position: relative; } /* relative: hidden labels inside stay in the region */
.grid { font-size: .9rem; } .grid thead th { font-size: .8rem; min-width: 5rem; } .grid th[scope=row] { min-width: 13rem; font-weight: normal; } .grid td { text-align: center; } .grid .cite { min-width: 28px; } .grid caption { text-align: left; }
.add { display: grid; gap: .3rem; max-width: 40rem; } .add fieldset { display: grid; gap: .3rem; border: 1px solid #ddd; border-radius: .4rem; margin: 0 0 .5rem; min-width: 0; } .add legend { font-weight: 700; }
.add textarea, .add input { font: inherit; width: 100%; } .add button, .delete button { justify-self: start; font: inherit; min-height: 32px; margin-top: .5rem; }
.delete { display: flex; flex-wrap: wrap; gap: .3rem .5rem; align-items: end; } .delete input { font: inherit; }
.changes > li { margin: .2rem 0; }
.error { color: #a50e0e; font-weight: 700; } .notice { background: #e6f4ea; padding: .4rem .6rem; border-radius: .3rem; }
blockquote { margin: 0; font-style: italic; display: inline; }
`;
