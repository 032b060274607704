//! An sRGB colour profile (ICC v2, display class), built from the sRGB
//! standard's numbers: the output intent a PDF/A file names for its RGB
//! colours. Written here, rather than shipped as a file, so every byte of it
//! is ours and the profile costs nothing until an archival PDF asks for it.

/// sRGB's red, green and blue primaries in the profile connection space
/// (CIE XYZ, adapted to D50 as ICC requires).
const PRIMARIES: [[f64; 3]; 3] = [
    [0.436_074_7, 0.222_504_5, 0.013_932_2],
    [0.385_064_9, 0.716_878_6, 0.097_104_5],
    [0.143_080_4, 0.060_616_9, 0.714_173_3],
];

/// The D50 white point of the profile connection space.
const D50: [f64; 3] = [0.964_2, 1.0, 0.824_9];

/// Points on the tone curve: ample for 8-bit colour.
const CURVE_POINTS: usize = 1024;

pub const DESCRIPTION: &str = "sRGB IEC61966-2.1";

/// The profile's bytes.
pub fn srgb_profile() -> Vec<u8> {
    let mut tags: Vec<([u8; 4], Vec<u8>)> = vec![
        (*b"desc", description(DESCRIPTION)),
        (*b"cprt", text("No copyright, use freely")),
        (*b"wtpt", xyz(D50)),
        (*b"rXYZ", xyz(PRIMARIES[0])),
        (*b"gXYZ", xyz(PRIMARIES[1])),
        (*b"bXYZ", xyz(PRIMARIES[2])),
    ];
    let curve = tone_curve();
    for channel in [*b"rTRC", *b"gTRC", *b"bTRC"] {
        tags.push((channel, curve.clone()));
    }
    let table_len = 4 + 12 * tags.len();
    let mut offset = 128 + table_len;
    let mut table = Vec::with_capacity(table_len);
    let mut data = Vec::new();
    table.extend((tags.len() as u32).to_be_bytes());
    for (signature, bytes) in &tags {
        table.extend(signature);
        table.extend((offset as u32).to_be_bytes());
        table.extend((bytes.len() as u32).to_be_bytes());
        data.extend(bytes);
        // Each tag starts on a four-byte boundary.
        while data.len() % 4 != 0 {
            data.push(0);
        }
        offset = 128 + table_len + data.len();
    }
    let size = 128 + table.len() + data.len();
    let mut profile = Vec::with_capacity(size);
    profile.extend((size as u32).to_be_bytes());
    profile.extend([0; 4]); // no preferred colour engine
    profile.extend([2, 0x10, 0, 0]); // version 2.1
    profile.extend(b"mntrRGB XYZ ");
    for part in [2026u16, 1, 1, 0, 0, 0] {
        profile.extend(part.to_be_bytes());
    }
    profile.extend(b"acsp");
    profile.extend([0; 24]); // platform, flags, manufacturer, model, attributes
    profile.extend([0; 4]); // perceptual rendering intent
    for v in D50 {
        profile.extend(s15_fixed16(v));
    }
    profile.extend([0; 4]); // creator
    profile.resize(128, 0);
    profile.extend(table);
    profile.extend(data);
    profile
}

fn s15_fixed16(v: f64) -> [u8; 4] {
    ((v * 65536.0).round() as i32).to_be_bytes()
}

fn xyz(v: [f64; 3]) -> Vec<u8> {
    let mut out = b"XYZ \0\0\0\0".to_vec();
    for c in v {
        out.extend(s15_fixed16(c));
    }
    out
}

fn text(s: &str) -> Vec<u8> {
    let mut out = b"text\0\0\0\0".to_vec();
    out.extend(s.as_bytes());
    out.push(0);
    out
}

/// ICC v2's textDescriptionType: ASCII, with empty Unicode and Macintosh parts.
fn description(s: &str) -> Vec<u8> {
    let mut out = b"desc\0\0\0\0".to_vec();
    out.extend((s.len() as u32 + 1).to_be_bytes());
    out.extend(s.as_bytes());
    out.push(0);
    out.extend([0; 8]); // Unicode language code and count
    out.extend([0; 3]); // ScriptCode code and count
    out.extend([0; 67]); // ScriptCode description
    out
}

/// sRGB's transfer function from encoded value to linear light.
fn tone_curve() -> Vec<u8> {
    let mut out = b"curv\0\0\0\0".to_vec();
    out.extend((CURVE_POINTS as u32).to_be_bytes());
    for i in 0..CURVE_POINTS {
        let v = i as f64 / (CURVE_POINTS - 1) as f64;
        let linear = if v <= 0.040_45 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) };
        out.extend(((linear * 65535.0).round() as u16).to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u32_at(bytes: &[u8], at: usize) -> usize {
        u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize
    }

    #[test]
    fn the_profile_is_a_well_formed_icc_v2_display_profile() {
        let profile = srgb_profile();
        assert_eq!(u32_at(&profile, 0), profile.len(), "the header gives the profile's size");
        assert_eq!(&profile[12..24], b"mntrRGB XYZ ");
        assert_eq!(&profile[36..40], b"acsp");
        let count = u32_at(&profile, 128);
        let mut signatures = Vec::new();
        for i in 0..count {
            let entry = 132 + 12 * i;
            let (offset, size) = (u32_at(&profile, entry + 4), u32_at(&profile, entry + 8));
            assert_eq!(offset % 4, 0, "tags start on four-byte boundaries");
            assert!(offset + size <= profile.len(), "a tag lies inside the profile");
            // Each tag's data opens with its type.
            let kind = &profile[offset..offset + 4];
            assert!([b"desc", b"text", b"XYZ ", b"curv"].iter().any(|k| k.as_slice() == kind));
            signatures.push(String::from_utf8_lossy(&profile[entry..entry + 4]).into_owned());
        }
        // What ICC.1 requires of an RGB display profile.
        for required in ["desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"] {
            assert!(signatures.iter().any(|s| s == required), "{required} is missing");
        }
    }

    #[test]
    fn the_tone_curve_is_srgbs() {
        let curve = tone_curve();
        let point = |i: usize| u16::from_be_bytes([curve[12 + 2 * i], curve[13 + 2 * i]]);
        assert_eq!(point(0), 0);
        assert_eq!(point(CURVE_POINTS - 1), 65535);
        // Mid grey (encoded 0.5) is about 21.4% linear light.
        let mid = f64::from(point(CURVE_POINTS / 2)) / 65535.0;
        assert!((mid - 0.2140).abs() < 0.002, "{mid}");
    }
}
