//! The Briefsmith desktop app: a Tauri shell whose commands call the library.
//! No extraction or rendering logic lives here: `commands` checks input and
//! calls `briefsmith`, `store` keeps settings and the autosaved draft,
//! `launch` turns a launch's arguments into a file to open, `menu` builds
//! the menu bar the window describes.

mod commands;
mod designer;
mod launch;
mod menu;
mod store;

use std::path::{Path, PathBuf};

pub use commands::AppState;
pub use commands::Failure;
pub use launch::{files_to_open, launched_again, ToOpen, OPEN_FILES_EVENT};
pub use menu::{build as build_menu, Entry as MenuEntry, MENU_EVENT};
pub use store::{Draft, Kept, Loaded, SetAside, Settings, Store, StoreError};

/// Registers the app's state, plugins and commands on a builder; shared by the
/// real app and the mock-runtime tests, which must use
/// `tauri::test::mock_builder()` as given.
pub fn builder<R: tauri::Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(menu::ShownMenu::default())
        .on_menu_event(menu::on_menu_event)
        .invoke_handler(tauri::generate_handler![
            commands::startup,
            commands::sample_article,
            commands::read_article,
            commands::open_articles,
            commands::new_brief,
            commands::reanalyze,
            commands::merge_entities,
            commands::preview,
            commands::export,
            commands::templates,
            commands::template_source,
            commands::create_template,
            commands::save_template,
            commands::export_template,
            commands::import_template,
            designer::template_design,
            designer::save_design,
            designer::add_logo,
            designer::add_font,
            commands::open_templates_folder,
            commands::reveal,
            commands::save_settings,
            commands::save_draft,
            commands::discard_draft,
            commands::save_brief,
            commands::open_brief,
            commands::files_to_open,
            commands::quit,
            menu::set_menu,
            menu::edit_text,
        ])
}

/// The state the real app runs with: the user's templates folder and data
/// folder (`$BRIEFSMITH_TEMPLATES`, `$BRIEFSMITH_DATA_DIR` override them).
pub fn default_state() -> AppState {
    AppState {
        library: briefsmith::template::Library::new(briefsmith::template::user_dir()),
        store: Store::new(Store::default_dir()),
        to_open: ToOpen::default(),
    }
}

/// State over the given folders, for tests.
pub fn state_in(templates: PathBuf, data: PathBuf) -> AppState {
    AppState {
        library: briefsmith::template::Library::new(Some(templates)),
        store: Store::new(data),
        to_open: ToOpen::default(),
    }
}

/// Runs the app: one instance only (launched again, it brings its window to
/// the front and opens the file it was given), opening the files given on the
/// command line. Says so plainly instead of panicking when the window system
/// cannot start (no display).
pub fn run() {
    let state = default_state();
    let args: Vec<_> = std::env::args_os().collect();
    state.to_open.push(&files_to_open(&args, &std::env::current_dir().unwrap_or_default()));
    // First among the plugins: a second launch must hand over and stop
    // before anything else starts.
    let single = tauri_plugin_single_instance::init(|app, args, cwd| launched_again(app, &args, Path::new(&cwd)));
    if let Err(error) = builder(tauri::Builder::default().plugin(single), state).run(tauri::generate_context!()) {
        eprintln!("briefsmith-desktop: could not start the app: {error}");
        std::process::exit(1);
    }
}
