//! A template's logo, read and checked once for every export: the PDF draws
//! its pixels, the Word document embeds a PNG or JPEG, the HTML page the file
//! itself (an SVG stays a drawing there).
//!
//! An SVG is drawn into pixels (resvg) for the PDF and Word: the PDF renderer
//! places images, not drawings, and Word's own SVG support needs a PNG beside
//! it for older readers anyway. At [`SVG_PIXELS`] on its longer side a logo
//! prints sharper than 300 dpi at any size a header gives it.

use std::io::Cursor;

use thiserror::Error;

/// The largest logo file read: a logo, not a photograph.
pub const MAX_LOGO_BYTES: usize = 5 * 1024 * 1024;

/// The most pixels a side of a logo may have, so that decoding one stays
/// within a bounded amount of memory (4096 × 4096 × 4 bytes = 64 MiB).
pub const MAX_LOGO_SIDE: u32 = 4096;

/// How many pixels an SVG logo is drawn to on its longer side.
const SVG_PIXELS: f32 = 1200.0;

#[derive(Debug, Error, PartialEq)]
pub enum LogoError {
    #[error("the logo is {0} bytes; a logo may be at most 5 MB: save it smaller (a PNG or SVG of a few hundred KB is plenty)")]
    TooLarge(usize),
    #[error("the logo is {0} × {1} pixels; a logo may be at most 4096 pixels on a side: scale it down")]
    TooManyPixels(u32, u32),
    #[error("the logo is not a PNG, JPEG or SVG image: save it as one of these")]
    UnknownFormat,
    #[error("the logo could not be read as {0}: {1}; open it in an image editor and save it again")]
    Broken(&'static str, String),
    #[error("the SVG logo has text in it, which the PDF and Word files cannot draw: turn its text into outlines (\"convert to paths\" in most design tools), or save it as a PNG")]
    SvgText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoFormat {
    Png,
    Jpeg,
    Svg,
}

impl LogoFormat {
    /// The media type of the file as given.
    pub fn media_type(self) -> &'static str {
        match self {
            LogoFormat::Png => "image/png",
            LogoFormat::Jpeg => "image/jpeg",
            LogoFormat::Svg => "image/svg+xml",
        }
    }

    /// The usual file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            LogoFormat::Png => "png",
            LogoFormat::Jpeg => "jpeg",
            LogoFormat::Svg => "svg",
        }
    }

    fn name(self) -> &'static str {
        match self {
            LogoFormat::Png => "a PNG image",
            LogoFormat::Jpeg => "a JPEG image",
            LogoFormat::Svg => "an SVG drawing",
        }
    }
}

/// A checked logo: the file, its pixels and what it shows, in words.
#[derive(Clone, PartialEq)]
pub struct Logo {
    /// The file as the template holds it.
    pub file: Vec<u8>,
    pub format: LogoFormat,
    /// Its pixels, straight (not premultiplied) RGBA, row by row.
    pub rgba: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// The alternative text: what a screen reader says for it.
    pub alt: String,
}

impl std::fmt::Debug for Logo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Logo")
            .field("format", &self.format)
            .field("width", &self.width)
            .field("height", &self.height)
            .field("alt", &self.alt)
            .finish_non_exhaustive()
    }
}

impl Logo {
    /// Reads a PNG, JPEG or SVG logo, refusing what is too large or broken.
    pub fn read(file: Vec<u8>, alt: &str) -> Result<Logo, LogoError> {
        if file.len() > MAX_LOGO_BYTES {
            return Err(LogoError::TooLarge(file.len()));
        }
        let format = sniff(&file).ok_or(LogoError::UnknownFormat)?;
        let (rgba, width, height) = match format {
            LogoFormat::Png | LogoFormat::Jpeg => decode_raster(&file, format)?,
            LogoFormat::Svg => draw_svg(&file)?,
        };
        Ok(Logo { file, format, rgba, width, height, alt: alt.trim().to_owned() })
    }

    /// Whether any pixel is less than opaque (the PDF then needs a mask).
    pub fn has_transparency(&self) -> bool {
        self.rgba.chunks_exact(4).any(|p| p[3] != 255)
    }

    /// The file Word embeds and its extension: the PNG or JPEG as given, an
    /// SVG's pixels as a PNG.
    pub fn raster_file(&self) -> Result<(Vec<u8>, &'static str), LogoError> {
        match self.format {
            LogoFormat::Png | LogoFormat::Jpeg => Ok((self.file.clone(), self.format.extension())),
            LogoFormat::Svg => {
                let mut png = Vec::new();
                image::RgbaImage::from_raw(self.width, self.height, self.rgba.clone())
                    .ok_or_else(|| LogoError::Broken(self.format.name(), "its pixels do not fill it".to_owned()))?
                    .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
                    .map_err(|e| LogoError::Broken(self.format.name(), e.to_string()))?;
                Ok((png, "png"))
            }
        }
    }

    /// Width over height.
    pub fn aspect(&self) -> f32 {
        self.width as f32 / self.height.max(1) as f32
    }

    /// Its width and height in a page's header, in points, for a top
    /// margin and a text width in points: as tall as a little over half the
    /// margin allows (at most 14 mm), and at most a third of the text's width.
    pub fn header_size(&self, margin_top: f32, text_width: f32) -> (f32, f32) {
        const MM: f32 = 72.0 / 25.4;
        let aspect = self.aspect();
        let height = (margin_top * 0.55).clamp(1.0, 14.0 * MM);
        let widest = (text_width / 3.0).max(1.0);
        if height * aspect > widest {
            (widest, widest / aspect)
        } else {
            (height * aspect, height)
        }
    }
}

/// The format the file's first bytes say.
fn sniff(file: &[u8]) -> Option<LogoFormat> {
    if file.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(LogoFormat::Png);
    }
    if file.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(LogoFormat::Jpeg);
    }
    let head = String::from_utf8_lossy(&file[..file.len().min(4096)]);
    let head = head.trim_start_matches('\u{FEFF}').trim_start();
    (head.starts_with('<') && head.contains("<svg")).then_some(LogoFormat::Svg)
}

fn decode_raster(file: &[u8], format: LogoFormat) -> Result<(Vec<u8>, u32, u32), LogoError> {
    let broken = |e: image::ImageError| LogoError::Broken(format.name(), e.to_string());
    let image_format = if format == LogoFormat::Png { image::ImageFormat::Png } else { image::ImageFormat::Jpeg };
    let mut reader = image::ImageReader::with_format(Cursor::new(file), image_format);
    let (width, height) =
        image::ImageReader::with_format(Cursor::new(file), image_format).into_dimensions().map_err(broken)?;
    if width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE {
        return Err(LogoError::TooManyPixels(width, height));
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_LOGO_SIDE);
    limits.max_image_height = Some(MAX_LOGO_SIDE);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let decoded = reader.decode().map_err(broken)?.into_rgba8();
    Ok((decoded.into_raw(), width, height))
}

fn draw_svg(file: &[u8]) -> Result<(Vec<u8>, u32, u32), LogoError> {
    let broken = |message: String| LogoError::Broken(LogoFormat::Svg.name(), message);
    // A logo's drawing is all in the file: an <image> naming another file
    // (or a device, or a share) is not followed, nor one inlined as data.
    let images = resvg::usvg::ImageHrefResolver {
        resolve_data: Box::new(|_, _, _| None),
        resolve_string: Box::new(|_, _| None),
    };
    let options = resvg::usvg::Options { image_href_resolver: images, ..resvg::usvg::Options::default() };
    let tree = resvg::usvg::Tree::from_data(file, &options).map_err(|e| broken(e.to_string()))?;
    // Drawn without fonts, text would vanish from the PDF and Word files.
    if tree.has_text_nodes() || String::from_utf8_lossy(file).contains("<text") {
        return Err(LogoError::SvgText);
    }
    let size = tree.size();
    let longer = size.width().max(size.height());
    if !(longer.is_finite() && longer > 0.0) {
        return Err(broken("it has no size".to_owned()));
    }
    let scale = SVG_PIXELS / longer;
    let width = (size.width() * scale).round().clamp(1.0, SVG_PIXELS) as u32;
    let height = (size.height() * scale).round().clamp(1.0, SVG_PIXELS) as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).ok_or_else(|| broken("it has no size".to_owned()))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Ok((rgba, width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3 × 2 PNG: red, green, blue over three see-through pixels.
    pub(crate) fn small_png() -> Vec<u8> {
        let mut image = image::RgbaImage::new(3, 2);
        for (x, colour) in [[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255]].into_iter().enumerate() {
            image.put_pixel(x as u32, 0, image::Rgba(colour));
        }
        let mut png = Vec::new();
        image.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
        png
    }

    #[test]
    fn a_png_is_read_to_its_pixels() {
        let logo = Logo::read(small_png(), " Sở Y tế Lạc Giang ").unwrap();
        assert_eq!((logo.format, logo.width, logo.height), (LogoFormat::Png, 3, 2));
        assert_eq!(&logo.rgba[..8], &[255, 0, 0, 255, 0, 255, 0, 255]);
        assert_eq!(logo.alt, "Sở Y tế Lạc Giang");
        assert!(logo.has_transparency());
        assert_eq!(logo.raster_file().unwrap().1, "png");
    }

    #[test]
    fn a_jpeg_is_read() {
        let mut jpeg = Vec::new();
        image::RgbImage::from_pixel(8, 4, image::Rgb([10, 20, 200]))
            .write_to(&mut Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
            .unwrap();
        let logo = Logo::read(jpeg, "Logo").unwrap();
        assert_eq!((logo.format, logo.width, logo.height), (LogoFormat::Jpeg, 8, 4));
        assert!(!logo.has_transparency());
        assert!((logo.aspect() - 2.0).abs() < 1e-6);
    }

    #[test]
    fn an_svg_is_drawn_to_pixels_with_its_shape() {
        let svg = br##"<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50" viewBox="0 0 200 50">
  <rect x="0" y="0" width="100" height="50" fill="#1f3f78"/>
</svg>"##;
        let logo = Logo::read(svg.to_vec(), "Logo").unwrap();
        assert_eq!((logo.format, logo.width, logo.height), (LogoFormat::Svg, 1200, 300));
        // The left half is the rectangle's blue, the right half see-through.
        assert_eq!(&logo.rgba[..4], &[0x1f, 0x3f, 0x78, 255]);
        assert_eq!(logo.rgba[(1199 * 4) + 3], 0);
        let (png, extension) = logo.raster_file().unwrap();
        assert_eq!(extension, "png");
        assert_eq!(Logo::read(png, "Logo").unwrap().rgba, logo.rgba);
    }

    #[test]
    fn an_svg_logo_reads_nothing_outside_itself() {
        // /dev/zero would never end; a file beside it would be drawn in.
        let dir = tempfile::tempdir().unwrap();
        let beside = dir.path().join("photo.png");
        std::fs::write(&beside, small_png()).unwrap();
        for href in ["/dev/zero".to_owned(), beside.display().to_string(), "photo.png".to_owned()] {
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="30" height="20"><image width="30" height="20" xlink:href="{href}"/></svg>"#
            );
            let logo = Logo::read(svg.into_bytes(), "x").unwrap();
            assert!(logo.rgba.chunks_exact(4).all(|p| p[3] == 0), "{href}: nothing drawn");
        }
    }

    #[test]
    fn what_is_not_a_good_logo_is_a_clear_error() {
        assert_eq!(Logo::read(b"GIF89a....".to_vec(), "x").unwrap_err(), LogoError::UnknownFormat);
        let mut cut = small_png();
        cut.truncate(cut.len() / 2);
        let error = Logo::read(cut, "x").unwrap_err();
        assert!(matches!(error, LogoError::Broken("a PNG image", _)), "{error:?}");
        assert!(matches!(Logo::read(b"<svg><g".to_vec(), "x"), Err(LogoError::Broken("an SVG drawing", _))));
        let text =
            br#"<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30"><text y="20">So Y te</text></svg>"#;
        assert_eq!(Logo::read(text.to_vec(), "x").unwrap_err(), LogoError::SvgText);
        assert_eq!(Logo::read(vec![0; MAX_LOGO_BYTES + 1], "x").unwrap_err(), LogoError::TooLarge(MAX_LOGO_BYTES + 1));
        // A header that claims more pixels than a logo has is refused before decoding.
        let mut huge = Vec::new();
        image::GrayImage::new(MAX_LOGO_SIDE + 1, 1)
            .write_to(&mut Cursor::new(&mut huge), image::ImageFormat::Png)
            .unwrap();
        assert_eq!(Logo::read(huge, "x").unwrap_err(), LogoError::TooManyPixels(MAX_LOGO_SIDE + 1, 1));
    }
}
