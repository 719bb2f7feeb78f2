/** The inspector's CSS: every selector under `.task-guard`; amoCRM's look (white, light grey, blue, 13px). */
export const INSPECTOR_CSS = `
.task-guard .tg-insp__launcher{position:fixed;right:24px;bottom:84px;z-index:10050;display:flex;align-items:center;gap:4px;height:32px;padding:0 10px;border:1px solid #d4d5d8;border-radius:16px;background:#fff;color:#2d83c4;font:bold 12px/1 "PT Sans",Arial,sans-serif;cursor:pointer;box-shadow:0 1px 4px rgba(0,0,0,.12)}
.task-guard .tg-insp__launcher:hover{border-color:#2d83c4}
.task-guard .tg-insp__launcher:focus-visible,.task-guard .tg-insp__button:focus-visible,.task-guard .tg-insp__close:focus-visible{outline:2px solid #2d83c4;outline-offset:2px}
.task-guard .tg-insp__launcher--alert{color:#d33a3a}
.task-guard .tg-insp__badge{min-width:18px;padding:2px 5px;border-radius:9px;background:#d33a3a;color:#fff;font-size:11px;text-align:center}
.task-guard .tg-insp__panel{position:fixed;right:24px;bottom:124px;z-index:10051;display:flex;flex-direction:column;width:min(560px,calc(100vw - 48px));max-height:calc(100vh - 160px);background:#fff;border:1px solid #d4d5d8;border-radius:4px;box-shadow:0 4px 24px rgba(0,0,0,.18);font:13px/1.45 "PT Sans",Arial,sans-serif;color:#313942}
.task-guard .tg-insp__header{display:flex;align-items:center;justify-content:space-between;padding:10px 14px;border-bottom:1px solid #e8eaeb}
.task-guard .tg-insp__title{margin:0;font-size:15px;font-weight:bold;color:#313942}
.task-guard .tg-insp__title:focus{outline:none}
.task-guard .tg-insp__close{border:0;background:none;font-size:22px;line-height:1;color:#92989b;cursor:pointer;padding:0 4px}
.task-guard .tg-insp__close:hover{color:#313942}
.task-guard .tg-insp__body{overflow:auto;padding:10px 14px 14px;font:13px/1.45 "PT Sans",Arial,sans-serif;color:#313942}
.task-guard .tg-insp__page{margin:20px 0;font:13px/1.45 "PT Sans",Arial,sans-serif}
.task-guard .tg-insp__page .tg-insp__body{padding:10px 0;overflow:visible}
.task-guard .tg-insp__toolbar,.task-guard .tg-insp__actions{display:flex;flex-wrap:wrap;align-items:flex-end;gap:8px;margin-bottom:10px}
.task-guard .tg-insp__filter{display:flex;flex-direction:column;gap:2px}
.task-guard .tg-insp__label{color:#6b7176;font-size:12px}
.task-guard .tg-insp__select,.task-guard .tg-insp__input{height:30px;padding:0 8px;border:1px solid #d4d5d8;border-radius:3px;background:#fff;font:inherit;color:inherit}
.task-guard .tg-insp__input{width:100%;box-sizing:border-box;margin-top:2px}
.task-guard .tg-insp__select:focus,.task-guard .tg-insp__input:focus{border-color:#2d83c4;outline:none}
.task-guard .tg-insp__button{height:30px;padding:0 12px;border:1px solid #2d83c4;border-radius:3px;background:#2d83c4;color:#fff;font:inherit;cursor:pointer}
.task-guard .tg-insp__button--plain{background:#fff;color:#2d83c4}
.task-guard .tg-insp__button:disabled{opacity:.45;cursor:default}
.task-guard .tg-insp__list{list-style:none;margin:0 0 12px;padding:0}
.task-guard .tg-insp__card{margin:0 0 8px;padding:8px 10px;border:1px solid #e8eaeb;border-left:3px solid #2d83c4;border-radius:3px;background:#fff}
.task-guard .tg-insp__head{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:0 0 4px}
.task-guard .tg-insp__pill{padding:1px 6px;border-radius:3px;background:#f0f2f4;color:#4c5258;font-size:11px}
.task-guard .tg-insp__pill--bad{background:#fdecec;color:#b42b2b}
.task-guard .tg-insp__count{margin-left:auto;color:#2d83c4;font-weight:bold}
.task-guard .tg-insp__where{margin:0 0 4px;word-break:break-all}
.task-guard .tg-insp__method{font-weight:bold}
.task-guard .tg-insp__url{font-family:Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
.task-guard .tg-insp__muted{color:#92989b;font-size:12px}
.task-guard .tg-insp__text,.task-guard .tg-insp__advice{margin:0 0 4px;white-space:pre-line}
.task-guard .tg-insp__advice{color:#1f5f8f}
.task-guard .tg-insp__notice{margin:0 0 10px;padding:8px 10px;border:1px solid #f1d9a6;border-radius:3px;background:#fff8e6}
.task-guard .tg-insp__rows{width:100%;margin:6px 0;border-collapse:collapse;font-size:12px}
.task-guard .tg-insp__rows caption{text-align:left;color:#6b7176}
.task-guard .tg-insp__rows th,.task-guard .tg-insp__rows td{padding:3px 6px;border:1px solid #e8eaeb;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.task-guard .tg-insp__rows th{background:#f5f5f5;font-weight:normal;color:#6b7176}
.task-guard .tg-insp__details summary{cursor:pointer;color:#2d83c4}
.task-guard .tg-insp__facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:6px 0}
.task-guard .tg-insp__facts dt{color:#6b7176}
.task-guard .tg-insp__facts dd{margin:0;word-break:break-word}
.task-guard .tg-insp__excerpt{max-height:180px;overflow:auto;margin:4px 0 0;padding:6px 8px;background:#f5f5f5;border:1px solid #e8eaeb;border-radius:3px;font:11px/1.4 Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-all}
.task-guard .tg-insp__catalog{padding-top:10px;border-top:1px solid #e8eaeb}
.task-guard .tg-insp__results{margin-top:8px}
.task-guard .tg-insp__tabs{display:flex;gap:4px;margin:0 0 10px;border-bottom:1px solid #e8eaeb}
.task-guard .tg-insp__tab{padding:6px 10px;border:0;border-bottom:2px solid transparent;background:none;font:inherit;color:#6b7176;cursor:pointer}
.task-guard .tg-insp__tab--on{border-bottom-color:#2d83c4;color:#313942;font-weight:bold}
.task-guard .tg-insp__tab:focus-visible{outline:2px solid #2d83c4;outline-offset:-2px}
.task-guard .tg-insp__subtitle{margin:0 0 4px;font-size:14px}
.task-guard .tg-insp__caller{margin:0 0 4px}
.task-guard .tg-insp__link{color:#2d83c4}
.task-guard .tg-insp__notice--bad{border-color:#f3c4c4;background:#fdecec;color:#b42b2b}
.task-guard .tg-insp__traffic-table th[scope=row]{text-align:left;font-weight:normal}
.task-guard .tg-insp__traffic-table td{text-align:right}
.task-guard .tg-insp__rate--near th,.task-guard .tg-insp__rate--near td{background:#fff8e6}
.task-guard .tg-insp__rate--over th,.task-guard .tg-insp__rate--over td{background:#fdecec}
.task-guard .tg-insp__sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
`;
