/**
 * The settings form's and the team report's look, beside the reminder's shared buttons and fields (REMINDER_CSS).
 * Admin-only, so it ships in admin.js, not in the script.js every manager loads.
 */
export const SETTINGS_CSS = `
.task-guard .task-guard__settings,.task-guard .task-guard__report{font:14px/1.4 "PT Sans",Arial,sans-serif;color:#313942}
.task-guard .task-guard__settings{width:100%;box-sizing:border-box}
.task-guard .task-guard__settings-title{font-size:16px;font-weight:700;margin:0 0 8px}
.task-guard .task-guard__status{border-left:3px solid #2d83c4;background:#f2f8fc;padding:8px 12px;margin:0 0 12px;max-width:960px}
.task-guard .task-guard__status p{margin:2px 0}
.task-guard .task-guard__settings fieldset{border:0;border-top:1px solid #e8eaeb;margin:0;padding:12px 0;min-width:0}
.task-guard .task-guard__settings legend{float:left;width:100%;font-weight:700;padding:0 0 6px}
.task-guard .task-guard__settings legend+*{clear:both}
.task-guard .task-guard__check input:disabled+*,.task-guard .task-guard__check:has(input:disabled){color:#92989b}
.task-guard .task-guard__check{display:flex;gap:6px;align-items:center;margin:4px 0}
.task-guard .task-guard__inline{display:block;margin:6px 0}
.task-guard .task-guard__inline input{width:80px;margin-left:6px;border:1px solid #d4d5d8;border-radius:3px;padding:3px 6px;font:inherit}
.task-guard .task-guard__days{display:flex;gap:10px;flex-wrap:wrap}
.task-guard .task-guard__pipeline{margin:8px 0 4px 8px}
.task-guard .task-guard__muted{color:#6b7682;font-size:13px}
.task-guard .task-guard__warning{border-left:3px solid #f0ad4e;background:#fff8e5;padding:6px 12px;margin:0 0 10px}
.task-guard .task-guard__warning p{margin:4px 0}
.task-guard .task-guard__report{padding:16px 24px}
.task-guard .task-guard__report-title{font-size:20px;margin:0 0 12px}
.task-guard .task-guard__progress-wrap{display:flex;gap:12px;align-items:center}
.task-guard .task-guard__progress{width:320px;height:8px;accent-color:#2d83c4}
.task-guard .task-guard__table{border-collapse:collapse;width:100%;max-width:960px;margin:0 0 12px}
.task-guard .task-guard__table th{text-align:left;color:#6b7682;font-weight:400;font-size:13px;border-bottom:1px solid #e8eaeb;padding:6px 10px}
.task-guard .task-guard__table td{border-bottom:1px solid #e8eaeb;padding:8px 10px}
.task-guard .task-guard__num{white-space:nowrap}
`;
