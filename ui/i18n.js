// The app's own labels in English and Vietnamese. Brief labels come from the
// templates' locale files, not from here.

const LABELS = {
  en: {
    menu_file: "&File", menu_new: "&New Article", menu_open: "&Open…", menu_recent: "Open &Recent",
    menu_save: "&Save Brief", menu_save_as: "Save Brief &As…", menu_export: "&Export", menu_quit: "&Quit",
    menu_edit: "&Edit", menu_undo: "&Undo", menu_redo: "&Redo", menu_cut: "Cu&t", menu_copy: "&Copy",
    menu_paste: "&Paste", menu_select_all: "Select &All",
    menu_view: "&View", menu_zoom_in: "Zoom &In", menu_zoom_out: "Zoom &Out", menu_zoom_reset: "&Actual Size",
    menu_language: "&Language", menu_help: "&Help", menu_about: "&About Briefsmith",
    template: "Template", brief_language: "Language", auto_language: "article's language",
    page: "Page", page_template: "as template",
    export_pdf: "Export PDF", export_pdf_hint: "Ctrl+E",
    shortcuts: "Shortcuts",
    start_title: "Paste an article",
    paste_placeholder: "Paste the article's text here, then press Analyze (Ctrl+Enter).",
    analyze: "Analyze", analyze_hint: "Ctrl+Enter", sample: "Open the sample article",
    drop_hint: "…or open files, or drop them on this window (.txt, .md, .html, .pdf, .docx, a feed .xml, or a saved brief .json). Several articles, a folder or a feed become a digest of stories.",
    open_folder_digest: "Open a folder of articles…",
    stories: "Stories", story_sources: "The story's articles", sources: "Sources", source_title: "Title",
    disagreements: "Figures that disagree", showing: "Preview and export",
    scope_all: "the whole digest", scope_story: "the selected story alone",
    include_story: "Include the story in the digest", rename_story: "Rename the story",
    story_article: "1 article", story_articles: "{n} articles", story_disagreements: "{n} disagreeing",
    show_in_source: "Show in source {n}: {source}",
    status_digest: "{stories} stories from {articles} articles · story {story}: {points} key points · {quotes} quotes · {entities} names · {figures} figures",
    digest_warnings: "Some inputs were left out of the digest:\n{lines}",
    digest_file: "digest",
    recent: "Recent briefs", no_recent: "None yet: briefs you save appear here.",
    article: "Article", removed: "Removed lines", restore: "Restore",
    restore_needs_input: "This brief was saved without its original text, so lines cannot be restored.",
    analyst_fields: "Analyst", title: "Title", analyst: "Analyst", bottom_line: "Bottom line",
    assessment: "Assessment", confidence: "Confidence", high: "high", moderate: "moderate", low: "low",
    classification: "Classification", recommendations: "Recommendations (one per line)",
    source_name: "Outlet", source_url: "Address", source_published: "Published", source_author: "Author",
    citations: "Citations", citations_template: "as template", citations_none: "none",
    citations_paragraph: "paragraph (¶3)", citations_footnote: "numbered notes",
    format_pdf: "PDF", format_pdf_a: "PDF/A (archive)", format_docx: "Word (.docx)", format_html: "HTML page", format_text: "Plain text (e-mail)",
    format_markdown: "Markdown",
    key_points: "Key points", how_many: "how many", count_hint: "How many key points to draw from the article",
    own_point: "Add your own key point…", add: "Add",
    quotes: "Quotes", entities: "People, organizations, places", figures: "Figures",
    speaker: "Speaker", unknown_speaker: "(no speaker)",
    include: "Include in the brief", edit: "Edit", move_up: "Move up", move_down: "Move down", remove: "Remove",
    edited: "edited", added: "yours",
    kind_direct: "direct", kind_partial: "partial", kind_reported: "reported",
    kind_person: "person", kind_organization: "organization", kind_location: "place", kind_other: "other",
    entity_kind: "Kind of name",
    preview: "Preview", edit_template: "Template",
    copy_template: "Make my own copy", save_template: "Save template", templates_folder: "Open templates folder",
    template_builtin: "“{name}” is built in and read-only: make your own copy to edit it.",
    template_user: "Editing your template “{name}”. The preview follows your changes; Save keeps them.",
    copy_name: "name of your copy",
    template_saved: "Template “{name}” saved.",
    template_error: "Line {line}, column {column}: {message}",
    drop_here: "Drop the files to open them",
    analyzing: "Analyzing…", restored_draft: "Your unsaved work from last time is back.",
    set_aside_draft: "Your autosaved draft could not be read, so the app started without it. It was not deleted: it is kept as {moved_to}. Why: {problem}.",
    set_aside_settings: "Your settings could not be read, so the app started with the default settings. The file was not deleted: it is kept as {moved_to}. Why: {problem}.",
    left_draft: "Your autosaved draft {path} could not be read, so the app started without it. Why: {problem}.",
    left_settings: "Your settings {path} could not be read, so the app started with the default settings. Why: {problem}.",
    show_file: "Show in folder",
    saved_at: "Autosaved", saving: "Saving…", autosave_failed: "Autosave failed: {message}",
    preview_ms: "Preview {ms} ms",
    exported: "Saved {what} to {path}.", exported_pages: "PDF, {pages} page(s)", exported_md: "Markdown",
    exported_docx: "Word", exported_html: "HTML", exported_text: "Text",
    open_folder: "Open folder", brief_saved: "Brief saved to {path}.",
    undone: "Undone.", redone: "Redone.", nothing_to_undo: "Nothing to undo.", nothing_to_redo: "Nothing to redo.",
    failed: "That did not work: {message}",
    nothing_pasted: "Paste an article first, or open a file.",
    status: "{language} · {points} key points · {quotes} quotes · {entities} names · {figures} figures",
    pdf_filter: "PDF", md_filter: "Markdown", docx_filter: "Word", html_filter: "HTML", text_filter: "Text",
    brief_filter: "Brief", article_filter: "Articles and briefs",
    help: [
      ["Ctrl+N", "New article"], ["Ctrl+O", "Open a file"], ["Ctrl+S", "Save the brief"],
      ["Ctrl+Shift+S", "Save the brief as…"], ["Ctrl+E", "Export PDF"], ["Ctrl+Shift+E", "Export Markdown"],
      ["Ctrl+Z", "Undo a review edit"], ["Ctrl+Shift+Z, Ctrl+Y", "Redo it"],
      ["Ctrl+Enter", "Analyze the pasted text"], ["Alt+1 … Alt+4", "Go to key points, quotes, names, figures"],
      ["Alt+0", "Go to the stories (a digest)"], ["Ctrl+= / Ctrl+- / Ctrl+0", "Zoom in / out / actual size"],
      ["F10", "The menu bar"], ["F1", "These shortcuts"],
      ["↑ / ↓", "Previous / next item"], ["Alt+↑ / Alt+↓", "Move the item up / down"],
      ["Space", "Include or exclude the item"], ["Enter or F2", "Edit the item (Enter saves, Esc cancels)"],
    ],
  },
  vi: {
    menu_file: "&Tệp", menu_new: "&Bài mới", menu_open: "&Mở…", menu_recent: "Mở &gần đây",
    menu_save: "&Lưu bản tóm lược", menu_save_as: "Lưu &thành…", menu_export: "&Xuất", menu_quit: "T&hoát",
    menu_edit: "&Sửa", menu_undo: "&Hoàn tác", menu_redo: "&Làm lại", menu_cut: "&Cắt", menu_copy: "Sao ché&p",
    menu_paste: "&Dán", menu_select_all: "Chọn &tất cả",
    menu_view: "&Xem", menu_zoom_in: "&Phóng to", menu_zoom_out: "&Thu nhỏ", menu_zoom_reset: "&Cỡ thật",
    menu_language: "&Ngôn ngữ", menu_help: "Trợ &giúp", menu_about: "&Về Briefsmith",
    template: "Mẫu", brief_language: "Ngôn ngữ", auto_language: "theo ngôn ngữ bài",
    page: "Khổ giấy", page_template: "theo mẫu",
    export_pdf: "Xuất PDF", export_pdf_hint: "Ctrl+E",
    shortcuts: "Phím tắt",
    start_title: "Dán bài báo",
    paste_placeholder: "Dán nội dung bài báo vào đây rồi bấm Phân tích (Ctrl+Enter).",
    analyze: "Phân tích", analyze_hint: "Ctrl+Enter", sample: "Mở bài mẫu",
    drop_hint: "…hoặc mở tệp, hoặc thả tệp vào cửa sổ này (.txt, .md, .html, .pdf, .docx, nguồn tin .xml, hoặc bản tóm lược .json). Nhiều bài, một thư mục hoặc một nguồn tin sẽ thành bản tin tổng hợp theo từng câu chuyện.",
    open_folder_digest: "Mở thư mục bài báo…",
    stories: "Câu chuyện", story_sources: "Các bài của câu chuyện", sources: "Nguồn", source_title: "Tiêu đề",
    disagreements: "Số liệu không khớp", showing: "Xem trước và xuất",
    scope_all: "cả bản tin tổng hợp", scope_story: "chỉ câu chuyện đang chọn",
    include_story: "Đưa câu chuyện vào bản tin", rename_story: "Đổi tên câu chuyện",
    story_article: "1 bài", story_articles: "{n} bài", story_disagreements: "{n} không khớp",
    show_in_source: "Xem trong nguồn {n}: {source}",
    status_digest: "{stories} câu chuyện từ {articles} bài · câu chuyện {story}: {points} ý chính · {quotes} trích dẫn · {entities} tên · {figures} số liệu",
    digest_warnings: "Một số tệp không được đưa vào bản tin:\n{lines}",
    digest_file: "ban-tin-tong-hop",
    recent: "Bản tóm lược gần đây", no_recent: "Chưa có: các bản đã lưu sẽ hiện ở đây.",
    article: "Bài báo", removed: "Dòng đã loại", restore: "Khôi phục",
    restore_needs_input: "Bản tóm lược này được lưu không kèm văn bản gốc nên không khôi phục được dòng.",
    analyst_fields: "Chuyên viên", title: "Tiêu đề", analyst: "Chuyên viên", bottom_line: "Kết luận chính",
    assessment: "Đánh giá", confidence: "Mức tin cậy", high: "cao", moderate: "trung bình", low: "thấp",
    classification: "Độ mật", recommendations: "Kiến nghị (mỗi dòng một ý)",
    source_name: "Cơ quan báo chí", source_url: "Địa chỉ", source_published: "Ngày đăng", source_author: "Tác giả",
    citations: "Dẫn nguồn", citations_template: "theo mẫu", citations_none: "không",
    citations_paragraph: "theo đoạn (¶3)", citations_footnote: "chú thích đánh số",
    format_pdf: "PDF", format_pdf_a: "PDF/A (lưu trữ)", format_docx: "Word (.docx)", format_html: "Trang HTML", format_text: "Văn bản thuần (e-mail)",
    format_markdown: "Markdown",
    key_points: "Ý chính", how_many: "số lượng", count_hint: "Số ý chính lấy từ bài",
    own_point: "Thêm ý chính của bạn…", add: "Thêm",
    quotes: "Trích dẫn", entities: "Người, tổ chức, địa danh", figures: "Số liệu",
    speaker: "Người nói", unknown_speaker: "(chưa rõ người nói)",
    include: "Đưa vào bản tóm lược", edit: "Sửa", move_up: "Lên", move_down: "Xuống", remove: "Xóa",
    edited: "đã sửa", added: "của bạn",
    kind_direct: "trực tiếp", kind_partial: "một phần", kind_reported: "gián tiếp",
    kind_person: "người", kind_organization: "tổ chức", kind_location: "địa danh", kind_other: "khác",
    entity_kind: "Loại tên",
    preview: "Xem trước", edit_template: "Mẫu",
    copy_template: "Tạo bản sao của tôi", save_template: "Lưu mẫu", templates_folder: "Mở thư mục mẫu",
    template_builtin: "“{name}” là mẫu có sẵn, chỉ đọc: hãy tạo bản sao để sửa.",
    template_user: "Đang sửa mẫu “{name}” của bạn. Bản xem trước cập nhật theo; bấm Lưu để giữ.",
    copy_name: "tên bản sao",
    template_saved: "Đã lưu mẫu “{name}”.",
    template_error: "Dòng {line}, cột {column}: {message}",
    drop_here: "Thả các tệp để mở",
    analyzing: "Đang phân tích…", restored_draft: "Phần việc chưa lưu lần trước đã được khôi phục.",
    set_aside_draft: "Không đọc được bản nháp tự lưu nên ứng dụng đã mở mà không có bản nháp đó. Tệp không bị xóa mà được giữ lại thành {moved_to}. Lý do: {problem}.",
    set_aside_settings: "Không đọc được tệp cài đặt nên ứng dụng đã mở với cài đặt mặc định. Tệp không bị xóa mà được giữ lại thành {moved_to}. Lý do: {problem}.",
    left_draft: "Không đọc được bản nháp tự lưu {path} nên ứng dụng đã mở mà không có bản nháp đó. Lý do: {problem}.",
    left_settings: "Không đọc được tệp cài đặt {path} nên ứng dụng đã mở với cài đặt mặc định. Lý do: {problem}.",
    show_file: "Mở thư mục chứa tệp",
    saved_at: "Đã tự lưu", saving: "Đang lưu…", autosave_failed: "Tự lưu thất bại: {message}",
    preview_ms: "Xem trước {ms} ms",
    exported: "Đã lưu {what} vào {path}.", exported_pages: "PDF, {pages} trang", exported_md: "Markdown",
    exported_docx: "Word", exported_html: "HTML", exported_text: "văn bản thuần",
    open_folder: "Mở thư mục", brief_saved: "Đã lưu bản tóm lược vào {path}.",
    undone: "Đã hoàn tác.", redone: "Đã làm lại.", nothing_to_undo: "Không có gì để hoàn tác.", nothing_to_redo: "Không có gì để làm lại.",
    failed: "Không thực hiện được: {message}",
    nothing_pasted: "Hãy dán bài báo trước, hoặc mở một tệp.",
    status: "{language} · {points} ý chính · {quotes} trích dẫn · {entities} tên · {figures} số liệu",
    pdf_filter: "PDF", md_filter: "Markdown", docx_filter: "Word", html_filter: "HTML", text_filter: "Văn bản",
    brief_filter: "Bản tóm lược", article_filter: "Bài báo và bản tóm lược",
    help: [
      ["Ctrl+N", "Bài mới"], ["Ctrl+O", "Mở tệp"], ["Ctrl+S", "Lưu bản tóm lược"],
      ["Ctrl+Shift+S", "Lưu thành…"], ["Ctrl+E", "Xuất PDF"], ["Ctrl+Shift+E", "Xuất Markdown"],
      ["Ctrl+Z", "Hoàn tác một chỉnh sửa"], ["Ctrl+Shift+Z, Ctrl+Y", "Làm lại"],
      ["Ctrl+Enter", "Phân tích văn bản đã dán"], ["Alt+1 … Alt+4", "Tới ý chính, trích dẫn, tên, số liệu"],
      ["Alt+0", "Tới danh sách câu chuyện (bản tin tổng hợp)"], ["Ctrl+= / Ctrl+- / Ctrl+0", "Phóng to / thu nhỏ / cỡ thật"],
      ["F10", "Thanh trình đơn"], ["F1", "Danh sách phím tắt này"],
      ["↑ / ↓", "Mục trước / sau"], ["Alt+↑ / Alt+↓", "Chuyển mục lên / xuống"],
      ["Space", "Đưa vào hoặc bỏ khỏi bản tóm lược"], ["Enter hoặc F2", "Sửa mục (Enter lưu, Esc hủy)"],
    ],
  },
};

export let uiLanguage = "en";

/// The label `key` in the UI language, with `{name}` placeholders filled.
export function t(key, vars = {}) {
  const text = LABELS[uiLanguage][key] ?? LABELS.en[key] ?? key;
  return typeof text === "string" ? text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? "")) : text;
}

export function setUiLanguage(language) {
  uiLanguage = LABELS[language] ? language : "en";
  document.documentElement.lang = uiLanguage;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle);
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  const help = document.getElementById("help-list");
  help.replaceChildren(...t("help").flatMap(([keys, what]) => {
    const dt = document.createElement("dt");
    dt.textContent = keys;
    const dd = document.createElement("dd");
    dd.textContent = what;
    return [dt, dd];
  }));
}

/// The system's language if the app speaks it, else English.
export function systemUiLanguage() {
  const asked = (navigator.languages || [navigator.language || "en"]).map((l) => l.slice(0, 2).toLowerCase());
  return asked.find((l) => LABELS[l]) || "en";
}
