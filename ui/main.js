// The window shows the library's analysis of the text; all logic is in Rust.
const { invoke } = window.__TAURI__.core;

const status = document.getElementById("status");
const article = document.getElementById("article");

function listItems(id, items, render) {
  const list = document.getElementById(id);
  list.replaceChildren(...items.map((item) => {
    const li = document.createElement("li");
    render(li, item);
    return li;
  }));
}

async function analyze() {
  try {
    const analysis = await invoke("analyze_text", { text: article.value, keyPoints: 5 });
    listItems("key-points", analysis.key_points, (li, k) => { li.textContent = k.text; });
    listItems("quotes", analysis.quotes, (li, q) => {
      li.textContent = `“${q.text}” `;
      const who = document.createElement("span");
      who.className = "speaker";
      who.textContent = q.speaker ? `— ${q.speaker}` : `(${q.kind})`;
      li.appendChild(who);
    });
    status.textContent = `${analysis.language} · ${analysis.entities.length} entities · ${analysis.figures.length} figures`;
  } catch (error) {
    status.textContent = `Error: ${error}`;
  }
}

document.getElementById("analyze").addEventListener("click", analyze);
invoke("sample_article").then((text) => { article.value = text; analyze(); });
