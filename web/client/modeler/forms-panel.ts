import { FormEditor } from "@bpmn-io/form-js";
import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { download } from "./download.js";

export interface FormFile { name: string; content: string }

/**
 * The forms of forms/ in the form-js editor. Edits stay in the page and travel with the next
 * deployment of a diagram that references the form.
 */
export class FormsPanel {
  private readonly changed = new Map<string, string>();
  private readonly list = h("ul", { class: "form-list" });
  private readonly editorHost = h("div", { class: "form-editor" });
  private editor: FormEditor | undefined;
  private current: FormFile | undefined;

  constructor(host: HTMLElement, private readonly say: (text: string, error?: boolean) => void) {
    host.append(
      h("aside", {}, h("h2", {}, "Forms"), this.list, h("button", { type: "button", class: "download-form", onclick: () => this.downloadCurrent() }, "Download form")),
      this.editorHost,
    );
  }

  edited(): FormFile[] {
    return [...this.changed].map(([name, content]) => ({ name, content }));
  }

  async load(): Promise<void> {
    const files = await api<FormFile[]>("api/forms");
    this.list.replaceChildren(
      ...files.map((file) =>
        h("li", {}, h("button", { type: "button", "data-form": file.name, onclick: () => void this.open(file) }, file.name)),
      ),
    );
    if (files.length === 0) this.list.append(h("li", {}, "No forms in forms/."));
  }

  private async open(file: FormFile): Promise<void> {
    this.editor?.destroy();
    this.current = file;
    this.editor = new FormEditor({ container: this.editorHost });
    await this.editor.importSchema(JSON.parse(this.changed.get(file.name) ?? file.content));
    this.editor.on("changed", () => {
      this.changed.set(file.name, JSON.stringify(this.editor!.saveSchema(), null, 2));
    });
    this.say(`Editing ${file.name}; it is deployed with the next diagram that uses it.`);
  }

  private downloadCurrent(): void {
    if (!this.current || !this.editor) return this.say("Open a form first.", true);
    download(this.current.name, JSON.stringify(this.editor.saveSchema(), null, 2), "application/json");
  }
}
