//! Quality floors on the dev corpus, read from `briefsmith-eval`: a little
//! under today's figures, so no change can make them worse. The key-points and
//! quotes issues raise them to their targets.

mod common;

use std::process::Command;

fn figure(output: &str, line: &str, label: &str) -> f64 {
    let row = output.lines().find(|l| l.starts_with(line)).unwrap_or_else(|| panic!("no '{line}' line:\n{output}"));
    let after = row.split(label).nth(1).unwrap_or_else(|| panic!("no '{label}' in: {row}"));
    after
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no number after '{label}': {row}"))
}

#[test]
fn quality_does_not_fall_below_the_floors() {
    let output = Command::new(env!("CARGO_BIN_EXE_briefsmith-eval")).arg(common::corpus()).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let output = String::from_utf8(output.stdout).unwrap();
    let floors = [
        ("en-summary", "sentence F1", 0.77),
        ("en-summary", "ROUGE-1 F", 0.815),
        ("vi-summary", "ROUGE-1 F", 0.30),
        ("en-quotes", "recall", 0.95),
        ("en-quotes", "precision", 0.95),
        ("en-quotes", "accuracy", 0.92),
        ("en-quotes    direct quotes alone", "recall", 0.84),
        ("en-quotes    direct quotes alone", "precision", 0.98),
        ("en-quotes    direct quotes alone", "accuracy", 0.92),
        ("html-extraction", "token F1", 0.96),
    ];
    for (line, label, floor) in floors {
        let value = figure(&output, line, label);
        assert!(value >= floor, "{line} {label} fell to {value} (floor {floor}):\n{output}");
    }
    assert!(output.contains("cover 5/5"), "{output}");
}
