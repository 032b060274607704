//! Render: a brief's Markdown into the formats that leave the analyst's desk.
//! Markdown itself comes from [`crate::template`]; this stage turns it into
//! PDF, and into HTML for the app's preview.

pub mod docx;
pub mod html;
pub mod pdf;
