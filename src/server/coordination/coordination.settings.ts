/**
 * Workspace settings (Painpath's defaults [U], named and versioned; results say which produced them):
 * `noContactWeeks` — a patient with no recorded contact for this many weeks is listed (default 4).
 */
export interface WorkspaceSettings {
  name: 'coordinationWorkspace';
  version: 1;
  noContactWeeks: number;
}

export const DEFAULT_WORKSPACE_SETTINGS: Readonly<WorkspaceSettings> = Object.freeze({ name: 'coordinationWorkspace', version: 1, noContactWeeks: 4 });
