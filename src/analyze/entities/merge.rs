//! Mentions merged into entities, and each entity's kind settled from the
//! votes of its mentions: a surname joins the full name, an acronym its long
//! form, a lone word the one body whose name it opens.

use std::collections::{BTreeSet, HashMap};

use super::{is_gazetteer, kinds, Candidate, Entities, FoundEntity, LongForm, Votes, CONNECTORS};
use crate::analyze::lexicon::{
    is_group_word, FAMILY_NAMES_FIRST, FIRST_NAMES, LOCATIONS, ORGANIZATIONS, ORGANIZATION_WORDS, PLACE_WORDS,
    VI_FAMILY_NAMES,
};
use crate::analyze::EntityKind;
use crate::text::Span;

/// Merges candidates into entities and settles each entity's kind.
/// `links` are pairs of candidates written as items of one list ("Hồ Ngọc Hà,
/// Thu Minh và Đinh Hương"), which are things of one kind.
pub(super) fn group(
    candidates: Vec<Candidate>,
    expansions: &HashMap<String, LongForm>,
    links: &[(usize, usize)],
    keep_features: bool,
) -> (Entities, Vec<Vec<String>>) {
    let mut by_name: HashMap<String, usize> = HashMap::new();
    // Per entity, the words around its mentions (Vietnamese), each once.
    let mut contexts: Vec<BTreeSet<String>> = Vec::new();
    let mut entities: Vec<(FoundEntity, Votes, Vec<String>)> = Vec::new();
    // Longer names first, so that shorter ones can join them.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(candidates[i].words.len()), candidates[i].span.start));
    // Multi-word names by their last word: where a shorter mention looks for
    // the fuller name it may stand for, without scanning every entity.
    let mut by_last_word: HashMap<String, Vec<usize>> = HashMap::new();
    // Vietnamese bodies by their proper part: "công ty Hưng Phát" is named
    // again as "Hưng Phát".
    let mut by_proper_part: HashMap<String, usize> = HashMap::new();
    let mut assignment = vec![usize::MAX; candidates.len()];
    for &i in &order {
        let c = &candidates[i];
        // An acronym the article spelled out is its long form; people have no acronyms.
        let expansion = c.words.first().and_then(|w| expansions.get(w)).filter(|_| c.words.len() == 1);
        let (name, words) = match expansion {
            Some((long, long_words)) => (long.clone(), long_words.clone()),
            None => (c.words.join(" "), c.words.clone()),
        };
        let index = match by_name.get(&name) {
            Some(&index) => index,
            None if expansion.is_some() => {
                entities.push(unsettled(&name, words.clone()));
                by_name.insert(name, entities.len() - 1);
                entities.len() - 1
            }
            None => match longer_name_ending_with(&entities, &by_last_word, &c.words, c.span.start) {
                Some(index) => {
                    // News names people again by their surname alone ("Niederreiter");
                    // bodies and places come back whole or as an acronym.
                    let body_or_place = opens_with_a_body_acronym(&entities[index].2)
                        || entities[index].2.iter().any(|w| {
                            ORGANIZATION_WORDS.contains(w.as_str())
                                || PLACE_WORDS.contains(w.as_str())
                                || is_group_word(w)
                        });
                    if c.words.len() == 1
                        && !c.words[0].chars().all(|ch| !ch.is_lowercase())
                        && c.votes.definite == 0
                        && !is_brand_word(&c.words[0])
                        && !body_or_place
                    {
                        entities[index].1.person += 2;
                    }
                    index
                }
                None => match full_name_of_given_name(&entities, &c.words)
                    .or_else(|| full_name_of_family_name_first(&entities, &c.words))
                    .or_else(|| by_proper_part.get(&name).copied())
                {
                    Some(index) => index,
                    None => {
                        entities.push(unsettled(&name, c.words.clone()));
                        let index = entities.len() - 1;
                        if let Some(part) = proper_part(&c.words) {
                            by_proper_part.entry(part).or_insert(index);
                        }
                        if let (true, Some(last)) = (c.words.len() > 1, c.words.last()) {
                            by_last_word.entry(last.clone()).or_default().push(index);
                        }
                        by_name.insert(name, index);
                        index
                    }
                },
            },
        };
        assignment[i] = index;
        contexts.resize_with(entities.len(), BTreeSet::new);
        contexts[index].extend(c.context.iter().cloned());
        let (entity, votes, _) = &mut entities[index];
        entity.mentions.push(c.span);
        entity.gender = entity.gender.or(c.gender);
        votes.person += c.votes.person;
        votes.speaks += c.votes.speaks;
        votes.organization += c.votes.organization;
        votes.location += c.votes.location;
        votes.definite += c.votes.definite;
        votes.foreign += c.votes.foreign;
        if expansion.is_some() {
            votes.organization += 1;
        }
    }
    contexts.resize_with(entities.len(), BTreeSet::new);
    join_bodies_named_by_first_word(&mut entities, &mut contexts, &mut assignment);
    // Whether anything but a name's spelling said what it is.
    let evidenced: Vec<bool> = entities
        .iter()
        .map(|(e, v, _)| is_gazetteer(&e.name) || v.person + v.speaks + v.organization + v.location > 0)
        .collect();
    let mut all_features = Vec::new();
    let mut found: Vec<FoundEntity> = entities
        .into_iter()
        .zip(&contexts)
        .map(|((mut entity, votes, words), context)| {
            entity.mentions.sort();
            let rule = settle_kind(&entity.name, &words, votes);
            entity.kind = rule;
            if !context.is_empty() {
                let features = kind_features(&entity, &words, votes, context, rule);
                // A gazetteer's word stands; a name the rules found no kind for stays so.
                if rule != EntityKind::Other && !is_gazetteer(&entity.name) {
                    if let Some(kind) = kinds::predict(&features) {
                        entity.kind = kind;
                    }
                }
                if keep_features {
                    all_features.push(features);
                }
            } else if keep_features {
                all_features.push(Vec::new());
            }
            entity.surely_person = entity.kind == EntityKind::Person && votes.person >= 2;
            entity
        })
        .collect();
    share_kinds_in_lists(&mut found, &evidenced, links, &assignment);
    // Most mentioned first, then by first appearance.
    let mut ranked: Vec<usize> = (0..found.len()).filter(|&i| !found[i].mentions.is_empty()).collect();
    ranked.sort_by_key(|&i| (std::cmp::Reverse(found[i].mentions.len()), found[i].mentions[0].start));
    let mut new_index = vec![0; found.len()];
    for (new, &old) in ranked.iter().enumerate() {
        new_index[old] = new;
    }
    let mut mentions: Vec<(Span, usize)> =
        candidates.iter().zip(&assignment).map(|(c, &e)| (c.span, new_index[e])).collect();
    mentions.sort();
    let mut sorted = Vec::with_capacity(found.len());
    let mut slots: Vec<Option<FoundEntity>> = found.drain(..).map(Some).collect();
    for &old in &ranked {
        if let Some(entity) = slots[old].take() {
            sorted.push(entity);
        }
    }
    let features = if keep_features {
        ranked.iter().map(|&old| std::mem::take(&mut all_features[old])).collect()
    } else {
        Vec::new()
    };
    (Entities { entities: sorted, mentions }, features)
}

/// What the kind model reads about an entity ([`kinds::entity_features`]).
fn kind_features(
    entity: &FoundEntity,
    words: &[String],
    votes: Votes,
    context: &BTreeSet<String>,
    rule: EntityKind,
) -> Vec<String> {
    let letters = || entity.name.chars().filter(|c| c.is_alphabetic());
    let mut shape = Vec::new();
    if letters().count() >= 2 && letters().all(char::is_uppercase) {
        shape.push("acronym");
    }
    if words.iter().all(|w| super::vi::is_vietnamese_syllable(w)) {
        shape.push("vietnamese");
    }
    if words.first().is_some_and(|w| FIRST_NAMES.contains_key(w.as_str())) {
        shape.push("given_name");
    }
    if words.first().is_some_and(|w| VI_FAMILY_NAMES.contains(w.as_str())) {
        shape.push("family_name");
    }
    if words.iter().any(|w| is_brand_word(w)) {
        shape.push("brand");
    }
    if words.iter().any(|w| ORGANIZATION_WORDS.contains(w.as_str())) {
        shape.push("organization_word");
    }
    if words.iter().any(|w| PLACE_WORDS.contains(w.as_str())) {
        shape.push("place_word");
    }
    if words.len() > 1 && words.iter().any(|w| LOCATIONS.contains(w.as_str())) {
        shape.push("names_a_place");
    }
    let votes = [
        ("person", votes.person),
        ("speaks", votes.speaks),
        ("organization", votes.organization),
        ("location", votes.location),
        ("foreign", votes.foreign),
    ];
    kinds::entity_features(context, words, &shape, &votes, entity.mentions.len(), rule)
}

/// A name with nothing but its spelling to tell its kind takes the kind of a
/// name listed with it that something did tell ("cả Messi, Carles Puyol và
/// Javier Mascherano", "Lâm Đồng và Nhân Cơ"), along the list.
fn share_kinds_in_lists(found: &mut [FoundEntity], evidenced: &[bool], links: &[(usize, usize)], assignment: &[usize]) {
    let mut known: Vec<bool> = evidenced.to_vec();
    for _ in 0..4 {
        let mut changed = false;
        for &(a, b) in links {
            let (ea, eb) = (assignment[a], assignment[b]);
            if ea == eb {
                continue;
            }
            for (from, to) in [(ea, eb), (eb, ea)] {
                if known[from] && !known[to] && found[from].kind != EntityKind::Other {
                    found[to].kind = found[from].kind;
                    known[to] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// The capitalized end of a name that opens with lowercase words, a
/// Vietnamese body's head ("công ty Hưng Phát" → "Hưng Phát").
fn proper_part(words: &[String]) -> Option<String> {
    let lowercase = |w: &String| w.chars().next().is_some_and(char::is_lowercase);
    let head = words.iter().take_while(|w| lowercase(w)).count();
    let rest = &words[head..];
    (head > 0 && !rest.is_empty() && !rest.iter().any(lowercase)).then(|| rest.join(" "))
}

/// A new entity, its kind not settled yet, with the words of its name.
fn unsettled(name: &str, words: Vec<String>) -> (FoundEntity, Votes, Vec<String>) {
    let entity = FoundEntity {
        name: name.to_owned(),
        kind: EntityKind::Other,
        mentions: Vec::new(),
        gender: None,
        surely_person: false,
    };
    (entity, Votes::default(), words)
}

/// A longer person-like name whose last words are `words`; when several fit,
/// the one mentioned last before `position`.
fn longer_name_ending_with(
    entities: &[(FoundEntity, Votes, Vec<String>)],
    by_last_word: &HashMap<String, Vec<usize>>,
    words: &[String],
    position: usize,
) -> Option<usize> {
    let name = words.join(" ");
    if is_gazetteer(&name) {
        return None;
    }
    by_last_word
        .get(words.last()?)?
        .iter()
        .map(|&i| (i, &entities[i]))
        // A body's name with lowercase words ("Ủy ban nhân dân tỉnh Lạc Giang") is
        // not named again by its last words: they name the place.
        .filter(|(_, (_, _, w))| {
            !w.iter().any(|x| x.starts_with(char::is_lowercase) && !CONNECTORS.contains(&x.as_str()))
        })
        .filter(|(_, (e, _, w))| w.len() > words.len() && w.ends_with(words) && !is_gazetteer(&e.name))
        .max_by_key(|(_, (e, _, _))| {
            e.mentions.iter().filter(|s| s.start < position).map(|s| s.start + 1).max().unwrap_or(0)
        })
        .map(|(i, _)| i)
}

/// The one full name a lone family name that comes first stands for ("Wang"
/// → "Wang Qishan"); none when several fit.
fn full_name_of_family_name_first(entities: &[(FoundEntity, Votes, Vec<String>)], words: &[String]) -> Option<usize> {
    let [family] = words else { return None };
    if !FAMILY_NAMES_FIRST.contains(family.as_str()) {
        return None;
    }
    let mut fitting = entities.iter().enumerate().filter(|(_, (_, _, w))| w.len() > 1 && w[0] == *family);
    let (index, _) = fitting.next()?;
    fitting.next().is_none().then_some(index)
}

/// Joins a lone word to the one organization whose name it opens ("Suncor" →
/// "Suncor Energy", "Loblaw" → "Loblaw Companies"): none when several fit, and
/// never a word that names a place anywhere in the article ("in Blackpool" is
/// not the Blackpool Hotel Association), a person or a people. The joined
/// entity is left without mentions.
fn join_bodies_named_by_first_word(
    entities: &mut [(FoundEntity, Votes, Vec<String>)],
    contexts: &mut [BTreeSet<String>],
    assignment: &mut [usize],
) {
    // Bodies by their first word, so that each lone word looks up its own.
    let mut bodies: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, (_, _, words)) in entities.iter().enumerate() {
        if words.len() > 1 && words.last().is_some_and(|last| ORGANIZATION_WORDS.contains(last.as_str())) {
            bodies.entry(words[0].as_str()).or_default().push(index);
        }
    }
    let joins: Vec<(usize, usize)> = entities
        .iter()
        .enumerate()
        .filter_map(|(short, (_, votes, words))| {
            let [word] = words.as_slice() else { return None };
            if votes.location > 0 || votes.person > 0 || is_gazetteer(word) || is_group_word(word) {
                return None;
            }
            match bodies.get(word.as_str())?.as_slice() {
                [long] => Some((short, *long)),
                _ => None,
            }
        })
        .collect();
    let mut redirect: Vec<usize> = (0..entities.len()).collect();
    for (short, long) in joins {
        let mentions = std::mem::take(&mut entities[short].0.mentions);
        let moved = entities[short].1;
        let (target, target_votes, _) = &mut entities[long];
        target.mentions.extend(mentions);
        target_votes.speaks += moved.speaks;
        target_votes.organization += moved.organization;
        target_votes.definite += moved.definite;
        let moved_contexts = std::mem::take(&mut contexts[short]);
        contexts[long].extend(moved_contexts);
        redirect[short] = long;
    }
    for index in assignment.iter_mut() {
        *index = redirect[*index];
    }
}

/// The one full name a lone given name stands for ("Michael" → "Michael
/// Greenspan" where Dorie Greenspan is also named); none when several fit.
fn full_name_of_given_name(entities: &[(FoundEntity, Votes, Vec<String>)], words: &[String]) -> Option<usize> {
    let [given] = words else { return None };
    if !FIRST_NAMES.contains_key(given.as_str()) || is_gazetteer(given) {
        return None;
    }
    let mut fitting = entities.iter().enumerate().filter(|(_, (_, _, w))| w.len() > 1 && w[0] == *given);
    let (index, _) = fitting.next()?;
    fitting.next().is_none().then_some(index)
}

fn settle_kind(name: &str, words: &[String], votes: Votes) -> EntityKind {
    if LOCATIONS.contains(name) {
        return EntityKind::Location;
    }
    if ORGANIZATIONS.contains(name) {
        return EntityKind::Organization;
    }
    // "TransLink", "SkyTrain", "YouTube": a capital inside a word names a brand,
    // not a person ("McCallum", "DeSantis", "O'Brien" are surnames).
    if words.iter().any(|w| is_brand_word(w)) && votes.person < 2 {
        return if votes.location > votes.organization { EntityKind::Location } else { EntityKind::Organization };
    }
    // "BC Hydro", "CTV News" (not "BJ Penn"): a known or long acronym opens a body's name.
    if opens_with_a_body_acronym(words) && votes.person < 4 {
        return if votes.location > votes.organization { EntityKind::Location } else { EntityKind::Organization };
    }
    let has_org_word = words.iter().any(|w| ORGANIZATION_WORDS.contains(w.as_str()))
        || (words.len() >= 2 && ORGANIZATION_WORDS.contains(format!("{} {}", words[0], words[1]).as_str()));
    if has_org_word && votes.person < 2 {
        return EntityKind::Organization;
    }
    // "Native Americans", "Covington Catholic", "the Kentucky Republican"
    if words.last().is_some_and(|w| is_group_word(w)) {
        return if votes.organization > 0 { EntityKind::Organization } else { EntityKind::Other };
    }
    // "Rally Canada", "Export Development Canada": a country or city inside a
    // longer name makes it a body's or a place's, unless a title or a given
    // name says person.
    let names_a_place = words.len() > 1 && words.iter().any(|w| LOCATIONS.contains(w.as_str()));
    if names_a_place && votes.person < 2 {
        return if votes.location > votes.organization + votes.speaks {
            EntityKind::Location
        } else {
            EntityKind::Organization
        };
    }
    let has_place_word = words.len() > 1 && words.iter().any(|w| PLACE_WORDS.contains(w.as_str()));
    if has_place_word && votes.person < 2 && votes.organization == 0 {
        return EntityKind::Location;
    }
    // "EDC said", "a claim to EDC": an acronym not known as a place is a body,
    // whatever speaks or prepositions say.
    // One capital alone ("châu Á", "bảng H") is no acronym.
    let single_acronym = words.len() == 1
        && name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if single_acronym && votes.person < 2 {
        return EntityKind::Organization;
    }
    let speaks = if votes.definite > 0 { 0 } else { votes.speaks };
    let best = [
        (votes.person + speaks, EntityKind::Person),
        (votes.organization, EntityKind::Organization),
        (votes.location, EntityKind::Location),
    ]
    .into_iter()
    .max_by_key(|(v, _)| *v)
    .filter(|(v, _)| *v > 0);
    if let Some((_, kind)) = best {
        return kind;
    }
    // A foreign name in Vietnamese news with nothing else to tell: news brings a
    // person in by the full name ("Carles Puyol") and joins the surname to it,
    // so a lone word that joined no full name is mostly a body's, a brand's or a
    // team's ("Osasuna", "Dropbox").
    if votes.foreign > 0 && !name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
        return if words.len() == 1 { EntityKind::Organization } else { EntityKind::Person };
    }
    let is_acronym = name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if is_acronym && words.len() == 1 {
        EntityKind::Organization
    } else {
        EntityKind::Other
    }
}

/// Whether a longer name opens with an acronym of a body or a place: one
/// the gazetteers know, or of three letters or more ("BC Hydro", "CTV
/// Vancouver"); two unknown capitals may be a person's initials ("BJ Penn").
fn opens_with_a_body_acronym(words: &[String]) -> bool {
    let [first, rest @ ..] = words else { return false };
    let is_acronym = |w: &str| w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    // Not a name in capitals ("SAN DIEGO", "MACKENZIE HUGHES").
    let mixed = rest.iter().any(|w| !is_acronym(w));
    letters >= 2 && is_acronym(first) && mixed && (letters >= 3 || is_gazetteer(first.trim_end_matches('.')))
}

/// Whether a word has a capital after a lowercase letter, other than after a
/// surname's prefix (Mc, Mac, De, Di, Da, La, Le, Van, Von, Fitz).
fn is_brand_word(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    (1..chars.len()).any(|i| {
        chars[i].is_uppercase() && chars[i - 1].is_lowercase() && {
            let prefix: String = chars[..i].iter().collect();
            !matches!(prefix.as_str(), "Mc" | "Mac" | "De" | "Di" | "Da" | "La" | "Le" | "Van" | "Von" | "Fitz" | "Du")
        }
    })
}
