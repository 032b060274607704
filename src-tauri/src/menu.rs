//! The native menu bar. The window describes it (so its labels come from the
//! same translations as every other label, and Open Recent follows the
//! settings) and the shell builds it; choosing an item sends the item's id
//! back to the window as a [`MENU_EVENT`]. Cut, copy, paste and select all
//! are the web view's own editing commands and never reach the window.

use std::sync::Mutex;

use serde::Deserialize;
use tauri::menu::{
    AboutMetadata, CheckMenuItem, IsMenuItem, Menu, MenuEvent, MenuItem, MenuItemKind, PredefinedMenuItem, Submenu,
};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::commands::Failure;

/// The event the window hears when the analyst chooses a menu item; its
/// payload is the item's id.
pub const MENU_EVENT: &str = "menu";

/// The window the menu acts on.
const MAIN_WINDOW: &str = "main";

/// Menu item ids that run a WebKit editing command in the focused field,
/// with that command's name.
const EDITING_COMMANDS: &[(&str, &str)] = &[
    ("cut", "Cut"),
    ("copy", "Copy"),
    ("paste", "Paste"),
    ("select_all", "SelectAll"),
    ("undo_typing", "Undo"),
    ("redo_typing", "Redo"),
];

/// One entry of the menu bar as the window describes it.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Entry {
    Item {
        id: String,
        label: String,
        /// As muda writes them: `CmdOrCtrl+Shift+S`, `F1`.
        #[serde(default)]
        accelerator: Option<String>,
        #[serde(default = "enabled")]
        enabled: bool,
    },
    Check {
        id: String,
        label: String,
        checked: bool,
    },
    Submenu {
        label: String,
        items: Vec<Entry>,
        #[serde(default = "enabled")]
        enabled: bool,
    },
    /// The desktop's own About dialog, with the app's name and version.
    About {
        label: String,
    },
    Separator,
}

fn enabled() -> bool {
    true
}

/// Builds the menu bar the window described.
pub fn build<R: Runtime, M: Manager<R>>(manager: &M, bar: &[Entry]) -> Result<Menu<R>, Failure> {
    menu(manager, bar).map_err(|problem| Failure::new(format!("could not build the menu bar: {problem}")))
}

fn menu<R: Runtime, M: Manager<R>>(manager: &M, bar: &[Entry]) -> Result<Menu<R>, String> {
    Menu::with_items(manager, &refs(&items(manager, bar)?)).map_err(|e| e.to_string())
}

type Item<R> = Box<dyn IsMenuItem<R>>;

fn items<R: Runtime, M: Manager<R>>(manager: &M, entries: &[Entry]) -> Result<Vec<Item<R>>, String> {
    entries.iter().map(|entry| item(manager, entry)).collect()
}

fn refs<R: Runtime>(items: &[Item<R>]) -> Vec<&dyn IsMenuItem<R>> {
    items.iter().map(|item| item.as_ref()).collect()
}

fn item<R: Runtime, M: Manager<R>>(manager: &M, entry: &Entry) -> Result<Item<R>, String> {
    let built = |result: tauri::Result<Item<R>>| result.map_err(|e| e.to_string());
    match entry {
        Entry::Item { id, label, accelerator, enabled } => {
            // tauri drops a key it cannot read without a word; say so instead.
            if let Some(key) = accelerator {
                key.parse::<muda::accelerator::Accelerator>().map_err(|e| format!("“{label}”: {e}"))?;
            }
            built(MenuItem::with_id(manager, id, label, *enabled, accelerator.as_deref()).map(boxed))
        }
        Entry::Check { id, label, checked } => {
            built(CheckMenuItem::with_id(manager, id, label, true, *checked, None::<&str>).map(boxed))
        }
        Entry::Submenu { label, items: entries, enabled } => {
            let children = items(manager, entries)?;
            built(Submenu::with_items(manager, label, *enabled, &refs(&children)).map(boxed))
        }
        Entry::About { label } => {
            let package = manager.package_info();
            let about = AboutMetadata {
                name: Some(package.name.clone()),
                version: Some(package.version.to_string()),
                comments: Some(env!("CARGO_PKG_DESCRIPTION").to_owned()),
                license: Some(env!("CARGO_PKG_LICENSE").to_owned()),
                ..AboutMetadata::default()
            };
            built(PredefinedMenuItem::about(manager, Some(label), Some(about)).map(boxed))
        }
        Entry::Separator => built(PredefinedMenuItem::separator(manager).map(boxed)),
    }
}

fn boxed<R: Runtime, I: IsMenuItem<R> + 'static>(item: I) -> Item<R> {
    Box::new(item)
}

/// The shape of the menu bar on screen (see [`shape`]): a description of
/// the same shape updates it in place (a brief opened or closed, a save
/// listed under Open Recent), since replacing a GTK menu bar takes its
/// accelerators out one by one; a language change rebuilds it.
#[derive(Default)]
pub struct ShownMenu(Mutex<String>);

/// Puts the described menu bar on the app: the one there relabelled in
/// place when only labels, enabled and checked states changed, else a new
/// one in its place.
#[tauri::command]
pub fn set_menu<R: Runtime>(app: AppHandle<R>, shown: State<'_, ShownMenu>, bar: Vec<Entry>) -> Result<(), Failure> {
    let shape = shape(&bar);
    let mut shown = shown.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let same_shape = app.menu().filter(|_| *shown == shape);
    let result = match same_shape {
        Some(bar_shown) => bar_shown.items().map_err(|e| e.to_string()).and_then(|items| relabel(&app, &items, &bar)),
        None => menu(&app, &bar).and_then(|menu| app.set_menu(menu).map(drop).map_err(|e| e.to_string())),
    };
    *shown = if result.is_ok() { shape } else { String::new() };
    result.map_err(|problem| Failure::new(format!("could not show the menu bar: {problem}")))
}

/// What a description holds apart from item labels and states. A submenu
/// without shortcuts (Open Recent) is refilled in place, so its items are
/// not part of the shape; a submenu's label is, since muda cannot relabel a
/// submenu on GTK (its label sits in a box the item's own label call misses).
fn shape(entries: &[Entry]) -> String {
    let mut shape = String::new();
    for entry in entries {
        match entry {
            Entry::Item { id, accelerator, .. } => shape += &format!("i({id},{accelerator:?})"),
            Entry::Check { id, .. } => shape += &format!("c({id})"),
            Entry::Submenu { label, items, .. } if !has_keys(items) => shape += &format!("s({label})*"),
            Entry::Submenu { label, items, .. } => shape += &format!("s({label})[{}]", self::shape(items)),
            Entry::About { .. } => shape += "a",
            Entry::Separator => shape += "-",
        }
    }
    shape
}

fn has_keys(entries: &[Entry]) -> bool {
    entries.iter().any(|entry| match entry {
        Entry::Item { accelerator, .. } => accelerator.is_some(),
        Entry::Submenu { items, .. } => has_keys(items),
        _ => false,
    })
}

fn relabel<R: Runtime, M: Manager<R>>(manager: &M, shown: &[MenuItemKind<R>], entries: &[Entry]) -> Result<(), String> {
    let failed = |e: tauri::Error| e.to_string();
    for (item, entry) in shown.iter().zip(entries) {
        match (item, entry) {
            (MenuItemKind::MenuItem(item), Entry::Item { label, enabled, .. }) => {
                item.set_text(label).map_err(failed)?;
                item.set_enabled(*enabled).map_err(failed)?;
            }
            (MenuItemKind::Check(item), Entry::Check { label, checked, .. }) => {
                item.set_text(label).map_err(failed)?;
                item.set_checked(*checked).map_err(failed)?;
            }
            (MenuItemKind::Submenu(submenu), Entry::Submenu { items: entries, enabled, .. }) => {
                submenu.set_enabled(*enabled).map_err(failed)?;
                let children = submenu.items().map_err(failed)?;
                if has_keys(entries) {
                    relabel(manager, &children, entries)?;
                } else {
                    for _ in &children {
                        submenu.remove_at(0).map_err(failed)?;
                    }
                    for child in items(manager, entries)? {
                        submenu.append(child.as_ref()).map_err(failed)?;
                    }
                }
            }
            (MenuItemKind::Predefined(item), Entry::About { label }) => item.set_text(label).map_err(failed)?,
            _ => {}
        }
    }
    Ok(())
}

/// Runs a WebKit editing command (`undo_typing`, `redo_typing`, …) in the
/// field that has the focus: what Ctrl+Z does in a text field, which the
/// menu's accelerator takes before the web view sees the key.
#[tauri::command]
pub fn edit_text<R: Runtime>(window: tauri::WebviewWindow<R>, action: String) -> Result<(), Failure> {
    let command = editing_command(&action).ok_or_else(|| Failure::new(format!("no editing command “{action}”")))?;
    run_editing_command(&window, command);
    Ok(())
}

/// What choosing a menu item does: an editing command in the web view, or
/// the item's id sent to the window.
pub fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    let Some(window) = app.get_webview_window(MAIN_WINDOW) else { return };
    match editing_command(id) {
        Some(command) => run_editing_command(&window, command),
        None => {
            // The window is gone only while the app quits: nothing to tell.
            let _ = window.emit(MENU_EVENT, id);
        }
    }
}

fn editing_command(id: &str) -> Option<&'static str> {
    EDITING_COMMANDS.iter().find(|(item, _)| *item == id).map(|(_, command)| *command)
}

#[cfg(target_os = "linux")]
fn run_editing_command<R: Runtime>(window: &tauri::WebviewWindow<R>, command: &'static str) {
    use webkit2gtk::WebViewExt;
    // Only the real runtime has a WebKit view to run it in; the test
    // runtime's window has none.
    if std::any::TypeId::of::<R>() != std::any::TypeId::of::<tauri::Wry>() {
        return;
    }
    // Fails only when the window is closing: nothing left to edit.
    let _ = window.with_webview(move |webview| webview.inner().execute_editing_command(command));
}

// Only Linux ships today; elsewhere the web view's own editing commands
// would have to be wired here, or the menu's Ctrl+C/V/X/A/Z would take those
// keys from text fields for nothing.
#[cfg(not(target_os = "linux"))]
fn run_editing_command<R: Runtime>(_window: &tauri::WebviewWindow<R>, _command: &'static str) {}
