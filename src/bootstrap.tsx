// Nothing to mount: this remote only exposes plugins. The file exists so the federation entry has an async boundary.
export {};
