/**
 * The reminder's look, close to amoCRM's own modals: white card, PT Sans 14px, #2d83c4 buttons, light grey rules.
 * Every selector starts with `.task-guard` (the widget's root class): nothing leaks into the host page.
 */
export const REMINDER_CSS = `
.task-guard .task-guard__overlay{position:fixed;inset:0;z-index:100000;background:rgba(33,42,52,.72);display:flex;align-items:flex-start;justify-content:center;padding:48px 16px;overflow:auto;font:14px/1.4 "PT Sans",Arial,sans-serif;color:#313942}
.task-guard .task-guard__dialog{background:#fff;border-radius:4px;box-shadow:0 8px 32px rgba(0,0,0,.3);width:100%;max-width:860px;outline:none}
.task-guard .task-guard__header{display:flex;justify-content:space-between;align-items:flex-start;padding:22px 28px 14px;border-bottom:1px solid #e8eaeb}
.task-guard .task-guard__title{margin:0;font-size:24px;font-weight:700;color:#313942}
.task-guard .task-guard__count{margin:4px 0 0;color:#6b7682;font-size:14px}
.task-guard .task-guard__close{border:0;background:none;font-size:28px;line-height:1;color:#92989b;cursor:pointer;padding:0 4px}
.task-guard .task-guard__close:hover{color:#313942}
.task-guard .task-guard__list{list-style:none;margin:0;padding:0}
.task-guard .task-guard__row{border-bottom:1px solid #e8eaeb;padding:12px 28px}
.task-guard .task-guard__row--open{background:#f5f9fc}
.task-guard .task-guard__deal{display:flex;align-items:center;gap:16px}
.task-guard .task-guard__deal-main{flex:1;min-width:0;display:flex;flex-direction:column}
.task-guard .task-guard__link{color:#2d83c4;text-decoration:none;font-weight:700;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.task-guard .task-guard__link:hover{text-decoration:underline}
.task-guard .task-guard__meta,.task-guard .task-guard__age{color:#6b7682;font-size:13px}
.task-guard .task-guard__price{white-space:nowrap;font-weight:700;min-width:90px;text-align:right}
.task-guard .task-guard__age{min-width:120px;text-align:right}
.task-guard .task-guard__button{border:1px solid #c5c9cc;background:#fff;color:#313942;border-radius:3px;padding:6px 14px;font:inherit;font-size:13px;cursor:pointer;white-space:nowrap}
.task-guard .task-guard__button:hover{border-color:#92989b}
.task-guard .task-guard__button--primary{background:#2d83c4;border-color:#2d83c4;color:#fff;font-weight:700}
.task-guard .task-guard__button--primary:hover{background:#2572ac;border-color:#2572ac}
.task-guard .task-guard__button--primary:disabled{opacity:.6;cursor:default}
.task-guard .task-guard__button--danger{border-color:#e2574c;color:#c7372c}
.task-guard .task-guard__button--link{border:0;background:none;color:#6b7682;text-decoration:underline;padding:6px 0}
.task-guard .task-guard__button:focus-visible,.task-guard .task-guard__link:focus-visible,.task-guard .task-guard__chip:focus-visible,.task-guard .task-guard__close:focus-visible{outline:2px solid #2d83c4;outline-offset:2px}
.task-guard .task-guard__form{margin-top:10px;display:flex;flex-direction:column;gap:8px}
.task-guard .task-guard__fields{display:flex;gap:12px;flex-wrap:wrap}
.task-guard .task-guard__field{display:flex;flex-direction:column;gap:2px;font-size:12px;color:#6b7682}
.task-guard .task-guard__field select,.task-guard .task-guard__field input,.task-guard .task-guard__text{font:inherit;font-size:14px;color:#313942;border:1px solid #d4d5d8;border-radius:3px;padding:5px 8px;background:#fff}
.task-guard .task-guard__text{width:100%;box-sizing:border-box;resize:vertical;min-height:44px}
.task-guard .task-guard__text:focus,.task-guard .task-guard__field select:focus,.task-guard .task-guard__field input:focus{outline:none;border-color:#2d83c4;box-shadow:0 0 0 2px rgba(45,131,196,.2)}
.task-guard .task-guard__text[aria-invalid=true]{border-color:#e2574c}
.task-guard .task-guard__templates{display:flex;gap:6px;flex-wrap:wrap}
.task-guard .task-guard__chip{border:1px solid #d4e4f1;background:#eef5fb;color:#2d83c4;border-radius:12px;padding:3px 10px;font:inherit;font-size:12px;cursor:pointer}
.task-guard .task-guard__actions{display:flex;justify-content:flex-end}
.task-guard .task-guard__hint{margin:0;color:#c7372c;font-size:13px}
.task-guard .task-guard__problem{border-left:3px solid #e2574c;background:#fdf1f0;padding:8px 12px;font-size:13px}
.task-guard .task-guard__problem p{margin:4px 0 0}
.task-guard .task-guard__advice{color:#6b7682}
.task-guard .task-guard__more{display:block;width:100%;border:0;border-bottom:1px solid #e8eaeb;background:#fafbfc;color:#2d83c4;padding:10px;font:inherit;cursor:pointer}
.task-guard .task-guard__footer{display:flex;justify-content:flex-end;align-items:center;gap:12px;padding:14px 28px;flex-wrap:wrap}
.task-guard .task-guard__snoozes{color:#6b7682;font-size:13px;margin-right:auto}
.task-guard .task-guard__confirm{display:flex;gap:8px;align-items:center;font-size:13px}
.task-guard .task-guard__notice-line{margin:0;padding:8px 28px;background:#fff8e5;border-bottom:1px solid #f0e2b6;font-size:13px}
.task-guard .task-guard__sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:640px){.task-guard .task-guard__deal{flex-wrap:wrap}.task-guard .task-guard__overlay{padding:0}}
`;
