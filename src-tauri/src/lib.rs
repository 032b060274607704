//! The Briefsmith desktop app: a Tauri shell whose commands call the library.
//! No extraction or rendering logic lives here.

mod commands;

/// Registers the app's commands on a builder; shared by the real app and the
/// mock-runtime tests, which must use `tauri::test::mock_builder()` as given.
pub fn builder<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![commands::analyze_text, commands::sample_article])
}

/// Runs the app. Returns an error instead of panicking when the window system
/// cannot start (no display), so `main` can say so plainly.
pub fn run() {
    if let Err(error) = builder(tauri::Builder::default()).run(tauri::generate_context!()) {
        eprintln!("briefsmith-desktop: could not start the app: {error}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
    use tauri::webview::InvokeRequest;

    fn invoke(cmd: &str, body: serde_json::Value) -> Result<serde_json::Value, serde_json::Value> {
        let app = builder(mock_builder()).build(mock_context(noop_assets())).expect("mock app builds");
        let webview =
            tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock webview builds");
        get_ipc_response(
            &webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().expect("valid url"),
                body: InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|r| r.deserialize::<serde_json::Value>().expect("JSON response"))
    }

    #[test]
    fn analyze_text_returns_the_analysis_contract() {
        let sample = invoke("sample_article", serde_json::json!({})).expect("sample");
        let text = sample.as_str().expect("sample is text");
        let analysis = invoke("analyze_text", serde_json::json!({ "text": text, "keyPoints": 3 })).expect("analysis");
        assert_eq!(analysis["key_points"].as_array().map(Vec::len), Some(3));
        assert!(analysis["quotes"].as_array().is_some_and(|q| !q.is_empty()));
    }

    #[test]
    fn bad_input_is_an_error_value_not_a_panic() {
        let error = invoke("analyze_text", serde_json::json!({ "text": "   ", "keyPoints": 3 })).unwrap_err();
        assert!(error.as_str().is_some_and(|m| m.contains("empty")), "{error}");
        let error = invoke("analyze_text", serde_json::json!({ "text": "x", "keyPoints": 100000 })).unwrap_err();
        assert!(error.as_str().is_some_and(|m| m.contains("key points")), "{error}");
    }
}
