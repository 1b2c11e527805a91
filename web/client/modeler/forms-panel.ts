import { FormEditor } from "@bpmn-io/form-js";
import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { download } from "./download.js";
import type { Strings } from "./strings.js";

export interface FormFile { name: string; content: string }

/**
 * The forms of forms/ in the form-js editor. Edits stay in the page and travel with the next
 * deployment of a diagram that references the form.
 */
export class FormsPanel {
  private readonly changed = new Map<string, string>();
  private readonly list = h("ul", { class: "form-list" });
  private readonly editorHost = h("div", { class: "form-editor" });
  private readonly heading = h("h2", {});
  private readonly downloadButton = h("button", { type: "button", class: "download-form", onclick: () => this.downloadCurrent() });
  private readonly empty = h("li", { class: "no-forms" });
  private editor: FormEditor | undefined;
  private current: FormFile | undefined;

  constructor(
    host: HTMLElement,
    private readonly say: (message: (t: Strings) => string, error?: boolean) => void,
    private readonly t: () => Strings,
    private readonly refused: (error: unknown) => boolean,
  ) {
    host.append(h("aside", {}, this.heading, this.list, this.downloadButton), this.editorHost);
    this.applyLanguage();
  }

  applyLanguage(): void {
    const words = this.t();
    this.heading.textContent = words.forms;
    this.downloadButton.textContent = words.downloadForm;
    this.empty.textContent = words.noForms;
  }

  edited(): FormFile[] {
    return [...this.changed].map(([name, content]) => ({ name, content }));
  }

  async load(): Promise<void> {
    let files: FormFile[];
    try {
      files = await api<FormFile[]>("api/forms");
    } catch (e) {
      if (!this.refused(e)) this.say((words) => `${words.error}: ${(e as Error).message}`, true);
      return;
    }
    this.list.replaceChildren(
      ...files.map((file) =>
        h("li", {}, h("button", { type: "button", "data-form": file.name, onclick: () => void this.open(file) }, file.name)),
      ),
    );
    if (files.length === 0) this.list.append(this.empty);
  }

  private async open(file: FormFile): Promise<void> {
    this.editor?.destroy();
    this.current = file;
    this.editor = new FormEditor({ container: this.editorHost });
    await this.editor.importSchema(JSON.parse(this.changed.get(file.name) ?? file.content));
    this.editor.on("changed", () => {
      this.changed.set(file.name, JSON.stringify(this.editor!.saveSchema(), null, 2));
    });
    this.say((words) => words.editingForm(file.name));
  }

  private downloadCurrent(): void {
    if (!this.current || !this.editor) return this.say((words) => words.openFormFirst, true);
    download(this.current.name, JSON.stringify(this.editor.saveSchema(), null, 2), "application/json");
  }
}
