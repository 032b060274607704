//! The app's commands: validate input, call the library, return values.

/// The most key points the app asks for; more is a front-end bug.
const MAX_KEY_POINTS: usize = 50;

/// The built-in sample article the app opens with.
#[tauri::command]
pub fn sample_article() -> &'static str {
    briefsmith::samples::VI_SAMPLE
}

/// Analyzes pasted text. Errors come back as plain-language messages.
#[tauri::command]
pub fn analyze_text(text: String, key_points: usize) -> Result<briefsmith::Analysis, String> {
    if key_points > MAX_KEY_POINTS {
        return Err(format!("at most {MAX_KEY_POINTS} key points can be drawn"));
    }
    let mut options = briefsmith::Options::default();
    options.analyze.key_points = key_points;
    let mut analysis = briefsmith::analyze_bytes(text.as_bytes(), &options).map_err(|e| e.to_string())?;
    analysis.file = "(pasted text)".to_owned();
    Ok(analysis)
}
