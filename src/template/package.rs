//! Sharing a template as one file: a `.bstpl` package is a zip of the
//! template's folder (its manifest, its Jinja, its fonts and images) with
//! `bstpl.toml` saying which package format it is and which template it
//! holds. Importing checks everything before anything is
//! written: no path outside the folder, no file but those kinds, nothing
//! executable, the size capped, a template that renders; and it replaces a
//! template of the same name only when asked.

use std::io::{Read, Seek, Write};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{io_error, Library, Origin, TemplateError, BUILTIN};

/// The package layout this Briefsmith writes and reads.
pub const PACKAGE_FORMAT: u32 = 1;
/// The largest package file imported.
pub const MAX_PACKAGE_BYTES: u64 = 20 * 1024 * 1024;
/// The most a package's files may hold once unpacked: a zip of a few
/// kilobytes can inflate to gigabytes.
pub const MAX_UNPACKED_BYTES: u64 = 50 * 1024 * 1024;
/// The most files a package may hold.
const MAX_FILES: usize = 200;
/// What a package may hold, by extension: the template and its manifest,
/// fonts, images.
const ALLOWED_EXTENSIONS: &[&str] = &["toml", "j2", "ttf", "otf", "png", "jpg", "jpeg", "svg"];
const PACKAGE_INFO: &str = "bstpl.toml";

/// A package's files: paths inside the template's folder, and bytes.
type Files = Vec<(String, Vec<u8>)>;

#[derive(Debug, Serialize, Deserialize)]
struct PackageInfo {
    format: u32,
    name: String,
}

impl Library {
    /// Writes template `name` (built-in or user) as a package to `out`,
    /// replacing `out` whole or not at all.
    pub fn export(&self, name: &str, out: &Path) -> Result<(), TemplateError> {
        let resolved = self.resolve(name)?;
        let files = match (resolved.origin, &resolved.folder) {
            (Origin::File, _) => return Err(TemplateError::NotFound(name.to_owned())),
            (_, Some(folder)) => folder_files(folder)?,
            (_, None) => builtin_files(name)?,
        };
        // What an import would refuse is not written: a package must install.
        let unpacked: u64 = files.iter().map(|(_, bytes)| bytes.len() as u64).sum();
        if files.len() > MAX_FILES || unpacked > MAX_UNPACKED_BYTES {
            return Err(invalid(
                out,
                format!(
                    "the template's folder holds {} files, {unpacked} bytes: over what a package may hold \
                     ({MAX_FILES} files, {MAX_UNPACKED_BYTES} bytes); move what the template does not use out of it",
                    files.len()
                ),
            ));
        }
        let info = toml::to_string(&PackageInfo { format: PACKAGE_FORMAT, name: name.to_owned() })
            .map_err(|e| invalid(out, e.to_string()))?;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().unix_permissions(0o644);
        let zipped = |e: zip::result::ZipError| invalid(out, e.to_string());
        zip.start_file(PACKAGE_INFO, options).map_err(zipped)?;
        zip.write_all(info.as_bytes()).map_err(io_error(out))?;
        for (path, bytes) in files {
            zip.start_file(path, options).map_err(zipped)?;
            zip.write_all(&bytes).map_err(io_error(out))?;
        }
        let bytes = zip.finish().map_err(zipped)?.into_inner();
        crate::atomic::write(out, &bytes).map_err(io_error(out))
    }

    /// Installs the template in package `file` into the user folder and
    /// returns its name. A template of that name is replaced only when
    /// `replace`; until the new one is checked and in place, the old one
    /// stays.
    pub fn import(&self, file: &Path, replace: bool) -> Result<String, TemplateError> {
        let user = self.user.as_ref().ok_or(TemplateError::NoUserDir)?;
        let size = std::fs::metadata(file).map_err(io_error(file))?.len();
        if size > MAX_PACKAGE_BYTES {
            return Err(invalid(
                file,
                format!("the package is {size} bytes, over the {MAX_PACKAGE_BYTES}-byte limit for a template"),
            ));
        }
        let reader = std::fs::File::open(file).map_err(io_error(file))?;
        let (info, files) = read_package(file, reader)?;
        if !super::is_template_name(&info.name) {
            let message = format!("the template name '{}' may only have letters, digits, '-' and '_'", info.name);
            return Err(invalid(file, message));
        }
        let target = user.join(&info.name);
        if target.exists() && !replace {
            return Err(TemplateError::Exists(info.name));
        }
        // Unpacked beside the user templates (a hidden folder the template
        // list skips), checked, then renamed into place: a failure leaves
        // the folder as it was, and the temporary folders go when dropped.
        std::fs::create_dir_all(user).map_err(io_error(user))?;
        let temporary = |prefix: &str| tempfile::Builder::new().prefix(prefix).tempdir_in(user).map_err(io_error(user));
        let staging = temporary(".import-")?;
        let unpacked = staging.path().join(&info.name);
        unpack(&unpacked, &files)?;
        self.check_unpacked(&unpacked, &info.name)?;
        let replaced = temporary(".replaced-")?;
        let old = replaced.path().join(&info.name);
        if target.exists() {
            std::fs::rename(&target, &old).map_err(io_error(&target))?;
        }
        if let Err(error) = std::fs::rename(&unpacked, &target) {
            if old.exists() {
                let _ = std::fs::rename(&old, &target);
            }
            return Err(io_error(&target)(error));
        }
        Ok(info.name)
    }

    /// The unpacked template renders the sample brief.
    fn check_unpacked(&self, folder: &Path, name: &str) -> Result<(), TemplateError> {
        let inside = |e: TemplateError| TemplateError::Invalid {
            path: name.to_owned(),
            message: format!("the package's template does not work: {e}"),
        };
        let manifest = super::read_manifest(&folder.join("manifest.toml")).map_err(inside)?;
        allowed_path(&manifest.template).map_err(|message| invalid(folder, message))?;
        // The fonts it names are in the package, so PDF export works.
        for font in manifest.pdf.fonts.iter().chain(&manifest.pdf.fallback_fonts) {
            allowed_path(font).map_err(|message| invalid(folder, message))?;
            if !folder.join(font).is_file() {
                return Err(inside(TemplateError::Invalid {
                    path: font.clone(),
                    message: "the manifest names this font, but the package does not hold it".to_owned(),
                }));
            }
        }
        if !manifest.logo.trim().is_empty() {
            allowed_path(manifest.logo.trim()).map_err(|message| invalid(folder, message))?;
        }
        let resolved = self.resolve(&folder.join(&manifest.template).display().to_string()).map_err(inside)?;
        // Its logo reads, so every export works.
        self.logo(&resolved).map_err(inside)?;
        self.check(&resolved, &crate::samples::filled_brief(), "en").map_err(inside)
    }
}

fn invalid(path: &Path, message: String) -> TemplateError {
    TemplateError::Invalid { path: path.display().to_string(), message }
}

/// Whether a package may hold a file at `path`: relative, inside the
/// folder, of an allowed kind.
fn allowed_path(path: &str) -> Result<(), String> {
    let parts = Path::new(path).components();
    if parts.clone().any(|c| !matches!(c, Component::Normal(_))) || path.contains('\\') {
        return Err(format!("'{path}' points outside the template's folder"));
    }
    let extension = Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
    if !ALLOWED_EXTENSIONS.contains(&extension.as_str()) {
        return Err(format!(
            "'{path}' is not a template, manifest, font or image (a package holds only .{} files)",
            ALLOWED_EXTENSIONS.join(", .")
        ));
    }
    Ok(())
}

/// Every file of a template folder, as package paths and bytes.
fn folder_files(folder: &Path) -> Result<Files, TemplateError> {
    let mut files = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let dir = folder.join(&relative);
        for entry in std::fs::read_dir(&dir).map_err(io_error(&dir))? {
            let entry = entry.map_err(io_error(&dir))?;
            let path = relative.join(entry.file_name());
            let kind = entry.file_type().map_err(io_error(&entry.path()))?;
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() {
                let name = path.to_string_lossy().replace('\\', "/");
                // Editor backups and the like stay behind.
                if allowed_path(&name).is_ok() {
                    files.push((name, std::fs::read(entry.path()).map_err(io_error(&entry.path()))?));
                }
            }
        }
    }
    files.sort();
    Ok(files)
}

fn builtin_files(name: &str) -> Result<Files, TemplateError> {
    let dir = BUILTIN.get_dir(name).ok_or_else(|| TemplateError::NotFound(name.to_owned()))?;
    let mut files: Files = dir
        .files()
        .filter_map(|f| {
            let path = f.path().strip_prefix(name).ok()?.to_string_lossy().into_owned();
            Some((path, f.contents().to_vec()))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Reads and checks a package: its info and every file, within the caps.
fn read_package(file: &Path, reader: impl Read + Seek) -> Result<(PackageInfo, Files), TemplateError> {
    let not_a_package = |e: zip::result::ZipError| invalid(file, format!("not a template package (.bstpl): {e}"));
    let mut zip = zip::ZipArchive::new(reader).map_err(not_a_package)?;
    let too_many = || invalid(file, format!("the package holds more than {MAX_FILES} files, the most a template has"));
    // Folders are entries too: a rough bound before reading any.
    if zip.len() > 2 * MAX_FILES + 1 {
        return Err(too_many());
    }
    let mut info = None;
    let mut files = Vec::new();
    let mut unpacked = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(not_a_package)?;
        if entry.is_dir() {
            continue;
        }
        let path = entry.name().to_owned();
        if path != PACKAGE_INFO {
            allowed_path(&path).map_err(|message| invalid(file, message))?;
        }
        if entry.is_symlink() || entry.unix_mode().is_some_and(|mode| mode & 0o111 != 0) {
            return Err(invalid(file, format!("'{path}' is executable or a link; a template package holds neither")));
        }
        // Counted as read, not as declared: a zip can lie about sizes.
        let room = MAX_UNPACKED_BYTES - unpacked;
        let mut bytes = Vec::new();
        (&mut entry).take(room + 1).read_to_end(&mut bytes).map_err(io_error(file))?;
        unpacked += bytes.len() as u64;
        if unpacked > MAX_UNPACKED_BYTES {
            return Err(invalid(
                file,
                format!("the package unpacks to more than {MAX_UNPACKED_BYTES} bytes, over the limit for a template"),
            ));
        }
        if path == PACKAGE_INFO {
            let text = String::from_utf8(bytes).map_err(|_| invalid(file, format!("{PACKAGE_INFO} is not text")))?;
            info =
                Some(toml::from_str::<PackageInfo>(&text).map_err(|e| invalid(file, format!("{PACKAGE_INFO}: {e}")))?);
        } else {
            files.push((path, bytes));
            if files.len() > MAX_FILES {
                return Err(too_many());
            }
        }
    }
    let info = info.ok_or_else(|| invalid(file, format!("no {PACKAGE_INFO}: not a Briefsmith template package")))?;
    if info.format != PACKAGE_FORMAT {
        return Err(invalid(
            file,
            format!(
                "package format {} is not one this Briefsmith reads (it reads {PACKAGE_FORMAT}); update Briefsmith",
                info.format
            ),
        ));
    }
    if !files.iter().any(|(path, _)| path == "manifest.toml") {
        return Err(invalid(file, "the package has no manifest.toml".to_owned()));
    }
    Ok((info, files))
}

fn unpack(folder: &Path, files: &[(String, Vec<u8>)]) -> Result<(), TemplateError> {
    for (path, bytes) in files {
        let target = folder.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        std::fs::write(&target, bytes).map_err(io_error(&target))?;
    }
    Ok(())
}
