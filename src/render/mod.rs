//! Render: a brief's Markdown into the formats that leave the analyst's desk.
//! Markdown itself comes from [`crate::template`]; this stage turns it into
//! PDF, HTML (the app's preview and a file to send) and plain text.

pub mod docx;
pub mod html;
pub mod pdf;
pub mod text;
