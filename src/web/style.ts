/** The whole stylesheet, inlined: one request per page, readable without it. */
export const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 0 1rem 3rem; color: #1b1b1b; }
header nav a { font-weight: 700; text-decoration: none; }
a { color: #0b57d0; } a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f9ab00; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #ddd; }
.text { white-space: pre-wrap; }
mark { background: #ffe58a; }
.meta { color: #555; }
.badge { display: inline-block; font-size: .8rem; padding: 0 .4rem; border-radius: .3rem; background: #eee; }
.badge.corroborated { background: #cdeccd; } .badge.disputed { background: #f8d0cc; } .badge.single-source { background: #e6e6f6; } .badge.copy { background: #f3e6c8; }
.positions { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .75rem; }
.position { border: 1px solid #ddd; border-radius: .4rem; padding: .5rem; }
.cite { text-decoration: none; font-size: .85rem; vertical-align: super; }
blockquote { margin: 0; font-style: italic; display: inline; }
`;
