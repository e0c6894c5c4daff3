// Shared styling of the options editors' controls. OptionsEditorControl right-aligns its 180 px control box; a
// select's shown value would inherit that, while Perses's own selects (unit, decimals) read left-aligned.
export const SELECT_SX = { textAlign: 'left' } as const;
