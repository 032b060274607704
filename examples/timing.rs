fn main() {
    let dir = std::path::Path::new("/work/shared/corpus/html-extraction");
    let mut t: Vec<Vec<f64>> = vec![vec![]; 4];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().map(|x| x != "html").unwrap_or(true) {
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        let html = String::from_utf8_lossy(&bytes).into_owned();
        let mut m = [f64::INFINITY; 4];
        for _ in 0..3 {
            let s = std::time::Instant::now();
            let stripped = briefsmith::ingest::html::without_scripts(&html);
            m[0] = m[0].min(s.elapsed().as_secs_f64() * 1000.0);
            let s = std::time::Instant::now();
            let o = rs_trafilatura::Options {
                page_type: Some(rs_trafilatura::page_type::PageType::Article),
                ..Default::default()
            };
            let _ = rs_trafilatura::extract_with_options(&stripped, &o);
            m[1] = m[1].min(s.elapsed().as_secs_f64() * 1000.0);
            let s = std::time::Instant::now();
            let _ = briefsmith::ingest::html::extract(&html, None);
            m[2] = m[2].min(s.elapsed().as_secs_f64() * 1000.0);
            let s = std::time::Instant::now();
            let _ = briefsmith::ingest(&bytes, &Default::default());
            m[3] = m[3].min(s.elapsed().as_secs_f64() * 1000.0);
        }
        for i in 0..4 {
            t[i].push(m[i]);
        }
    }
    for v in t.iter_mut() {
        v.sort_by(f64::total_cmp);
        print!("median {:.2}  ", v[v.len() / 2]);
    }
    println!();
}
