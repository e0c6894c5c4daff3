// Driving the Perses v0.52 web app the stack serves, as a user does: theme, edit mode, the panel editor drawer
// and the add-panel picker. Selectors are the app's own accessible names (ui/dashboards constants
// user-interface-text.ts: "edit panel <title>", "Add panel", the "Type" select, "Panel configuration tabs").

import { Locator, Page } from 'playwright-core';

/** The app keeps the theme choice in localStorage under this key (ui/app context/DarkMode.tsx). */
const DARK_MODE_KEY = 'PERSES_ENABLE_DARK_MODE';

export type Theme = 'light' | 'dark';

/** Makes the page open in `theme` (call before page.goto), as if the user had picked it in the app's menu. */
export async function setTheme(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript(([key, dark]) => window.localStorage.setItem(key, JSON.stringify(dark)), [
    DARK_MODE_KEY,
    theme === 'dark',
  ] as const);
}

/** The dashboard's "Edit" button: edit mode (panel actions, "Add panel", variables and layout editing). */
export async function enterEditMode(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('button', { name: 'Add panel' }).first().waitFor();
}

/** The panel editor drawer (the app's PanelDrawer). */
export const panelEditor = (page: Page): Locator => page.getByTestId('panel-editor');

/** In edit mode: opens the editor of the panel titled `title`. */
export async function openPanelEditor(page: Page, title: string): Promise<Locator> {
  const panel = page.locator('[data-testid="panel"]', { has: page.getByText(title, { exact: true }) }).first();
  await panel.scrollIntoViewIfNeeded();
  await panel.hover();
  await page.getByRole('button', { name: `edit panel ${title}`, exact: true }).click();
  const drawer = panelEditor(page);
  await drawer.getByRole('tablist', { name: 'Panel configuration tabs' }).waitFor();
  return drawer;
}

/** In the panel editor: selects the tab named `name` (a plugin's options editor tab, e.g. "Settings") and returns its panel. */
export async function openEditorTab(drawer: Locator, name: string): Promise<Locator> {
  const tab = drawer.getByRole('tab', { name, exact: true });
  await tab.click();
  const id = await tab.getAttribute('aria-controls');
  if (!id) throw new Error(`the editor tab "${name}" names no tab panel`);
  const panel = drawer.locator(`[id="${id}"]`);
  await panel.waitFor();
  return panel;
}

/** Closes the panel editor without applying (the drawer's Cancel; discards nothing since nothing changed). */
export async function closePanelEditor(page: Page): Promise<void> {
  const drawer = panelEditor(page);
  await drawer.getByRole('button', { name: 'Cancel', exact: true }).click();
  await drawer.waitFor({ state: 'hidden' });
}

/** In edit mode: opens "Add panel" and returns the panel types its Type picker offers (display names). */
export async function addPanelTypes(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Add panel' }).first().click();
  const drawer = panelEditor(page);
  // The panel Type select (its accessible name is its label then its value; "Query Type" is the query's).
  await drawer.getByRole('combobox', { name: /^Type\b/ }).click();
  const options = page.getByRole('listbox').getByRole('option');
  await options.first().waitFor();
  const names = (await options.allTextContents()).map((t) => t.trim());
  await page.keyboard.press('Escape');
  return names;
}
