//! vi-mds, as its README scores a multi-article brief and story grouping.
//!
//! - Key points: each story's articles digested alone; the digest's key
//!   points in rank order, cut at 200 syllables, ROUGE-1/2 F against each of
//!   the two references, averaged; and how many pairs of a story's key points
//!   say the same thing (word-bag F1 ≥ 0.6), which a digest must not do.
//! - Grouping: the stories of one half, 12 at a time (ordered by the hash of
//!   their ids), their articles shuffled (ordered by the hash of their file
//!   names) and digested together; the adjusted Rand index of the stories
//!   found against the folders, and the share of stories kept whole.
//!   `DEBUG_GROUPS=1` prints each batch's groups as the gold stories they hold.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use briefsmith::digest::{self, similar::word_bag_f1, DigestOptions};
use briefsmith::Analysis;

use crate::score::{mean, rouge, tokens};
use crate::{analyze, gold, half_of, print_by_half, Half};

/// Stories digested at once for the grouping score, as the issue sets it.
const STORIES_AT_ONCE: usize = 12;
const KEY_POINTS: usize = 10;

struct StoryScore {
    r1: f64,
    r2: f64,
    repeated: usize,
}

pub fn vi_mds(corpus: &Path) {
    let set = corpus.join("vi-mds");
    let cases = gold(corpus, "vi-mds");
    let mut analyses: HashMap<String, Analysis> = HashMap::new();
    for case in &cases {
        for file in case["files"].as_array().unwrap() {
            let file = file.as_str().unwrap();
            let mut analysis = analyze(&set.join(file), digest::CANDIDATES_PER_ARTICLE);
            analysis.file = file.to_owned();
            analyses.insert(file.to_owned(), analysis);
        }
    }
    let files = |case: &serde_json::Value| -> Vec<String> {
        case["files"].as_array().unwrap().iter().map(|f| f.as_str().unwrap().to_owned()).collect()
    };
    let options = DigestOptions { key_points: KEY_POINTS };
    let scores: Vec<(Half, StoryScore)> = cases
        .iter()
        .map(|case| {
            let story: Vec<Analysis> = files(case).iter().map(|f| analyses[f].clone()).collect();
            let digest = digest::digest(&story, &options);
            let texts: Vec<&str> = digest.key_points.iter().map(|k| k.point.text.as_str()).collect();
            let candidate = tokens(&texts.join(" ")).into_iter().take(200).collect::<Vec<_>>().join(" ");
            let references: Vec<&str> =
                case["references"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
            let average = |n| mean(&references.iter().map(|r| rouge(&candidate, r, n)).collect::<Vec<_>>());
            let repeated = digest
                .stories
                .iter()
                .map(|s| {
                    let points = &s.key_points;
                    (0..points.len())
                        .flat_map(|i| (i + 1..points.len()).map(move |j| (i, j)))
                        .filter(|&(i, j)| word_bag_f1(&points[i].text, &points[j].text) >= 0.6)
                        .count()
                })
                .sum();
            (half_of(case), StoryScore { r1: average(1), r2: average(2), repeated })
        })
        .collect();
    print_by_half("vi-mds", &scores, |some| {
        let r1 = mean(&some.iter().map(|s| s.r1).collect::<Vec<_>>());
        let r2 = mean(&some.iter().map(|s| s.r2).collect::<Vec<_>>());
        let repeated: usize = some.iter().map(|s| s.repeated).sum();
        format!("digest ROUGE-1 F {r1:.3}  ROUGE-2 F {r2:.3}  (200 syllables)  repeated facts {repeated}")
    });

    for (half, name) in [(Half::Tuning, "tuning half"), (Half::Checking, "checking half")] {
        // A story given alone must stay one story, and the first articles of
        // two stories given together must stay two: with so few articles,
        // the batch's word frequencies say little about which words are rare.
        let some: Vec<&serde_json::Value> = cases.iter().filter(|c| half_of(c) == half).collect();
        let alone_whole = some
            .iter()
            .filter(|c| {
                let story: Vec<Analysis> = files(c).iter().map(|f| analyses[f].clone()).collect();
                digest::group::stories(&story).len() == 1
            })
            .count();
        let pairs_apart = some
            .windows(2)
            .filter(|pair| {
                let two: Vec<Analysis> = pair.iter().map(|c| analyses[&files(c)[0]].clone()).collect();
                digest::group::stories(&two).len() == 2
            })
            .count();
        println!(
            "vi-mds       {name}: a story alone kept whole {:.3}  two stories' articles kept apart {:.3}",
            alone_whole as f64 / some.len().max(1) as f64,
            pairs_apart as f64 / some.len().saturating_sub(1).max(1) as f64
        );
        let mut stories: Vec<&serde_json::Value> = cases.iter().filter(|c| half_of(c) == half).collect();
        stories.sort_by_key(|c| hash(c["id"].as_str().unwrap()));
        for (at_once, label) in [(STORIES_AT_ONCE, "12 at once"), (stories.len(), "all at once")] {
            let (mut aris, mut whole, mut total) = (Vec::new(), 0, 0);
            for batch in stories.chunks(at_once) {
                let mut inputs: Vec<(String, usize)> = batch
                    .iter()
                    .enumerate()
                    .flat_map(|(story, c)| files(c).into_iter().map(move |f| (f, story)))
                    .collect();
                inputs.sort_by_key(|(f, _)| hash(f));
                let batch_analyses: Vec<Analysis> = inputs.iter().map(|(f, _)| analyses[f].clone()).collect();
                let found = digest::group::stories(&batch_analyses);
                let mut predicted = vec![0; inputs.len()];
                for (group, members) in found.iter().enumerate() {
                    for &m in members {
                        predicted[m] = group;
                    }
                }
                let truth: Vec<usize> = inputs.iter().map(|(_, s)| *s).collect();
                if std::env::var("DEBUG_GROUPS").is_ok() {
                    for members in &found {
                        let labels: Vec<String> = members.iter().map(|&m| format!("{}", truth[m])).collect();
                        println!("  group {}", labels.join(","));
                    }
                    println!("  --");
                }
                aris.push(adjusted_rand_index(&truth, &predicted));
                for story in 0..batch.len() {
                    let members: Vec<usize> = (0..inputs.len()).filter(|&i| truth[i] == story).collect();
                    whole += usize::from(found.contains(&members));
                    total += 1;
                }
            }
            println!(
                "vi-mds       {name}, {total} stories, {label}: grouping ARI {:.3}  kept whole {:.3}",
                mean(&aris),
                whole as f64 / total.max(1) as f64
            );
        }
    }
}

fn hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Hubert and Arabie's adjusted Rand index of two labelings.
fn adjusted_rand_index(truth: &[usize], predicted: &[usize]) -> f64 {
    let pairs = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
    let mut table: HashMap<(usize, usize), usize> = HashMap::new();
    let (mut rows, mut columns): (HashMap<usize, usize>, HashMap<usize, usize>) = Default::default();
    for (&t, &p) in truth.iter().zip(predicted) {
        *table.entry((t, p)).or_default() += 1;
        *rows.entry(t).or_default() += 1;
        *columns.entry(p).or_default() += 1;
    }
    let index: f64 = table.values().map(|&n| pairs(n)).sum();
    let (a, b): (f64, f64) = (rows.values().map(|&n| pairs(n)).sum(), columns.values().map(|&n| pairs(n)).sum());
    let expected = a * b / pairs(truth.len());
    let maximum = (a + b) / 2.0;
    if maximum == expected {
        return 1.0;
    }
    (index - expected) / (maximum - expected)
}
