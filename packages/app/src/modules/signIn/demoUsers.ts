/** A person of the demo organisation (examples/org) that the demo sign-in offers. */
export interface DemoUser {
  /** The catalog User name, sent in the `x-demo-user` header. */
  userName: string;
  displayName: string;
  role:
    | 'medarbetare'
    | 'chef'
    | 'forvaltningschef'
    | 'rapportlasare'
    | 'administrator'
    | 'handlaggare';
  /** Where the person works, shown beside the name. */
  unit: string;
}

/** One person per role, so that each role can be tried; see examples/org/README.md. */
export const demoUsers: DemoUser[] = [
  {
    userName: 'erik.lindqvist',
    displayName: 'Erik Lindqvist',
    role: 'medarbetare',
    unit: 'Kontaktcenter',
  },
  {
    userName: 'ahmed.hassan',
    displayName: 'Ahmed Hassan',
    role: 'handlaggare',
    unit: 'Individ- och familjeomsorgen',
  },
  {
    userName: 'maria.johansson',
    displayName: 'Maria Johansson',
    role: 'chef',
    unit: 'Gustavsbergsskolan',
  },
  {
    userName: 'lars.nilsson',
    displayName: 'Lars Nilsson',
    role: 'forvaltningschef',
    unit: 'Utbildningsförvaltningen',
  },
  {
    userName: 'karin.berg',
    displayName: 'Karin Berg',
    role: 'rapportlasare',
    unit: 'Kommunledningsförvaltningen',
  },
  {
    userName: 'sara.ek',
    displayName: 'Sara Ek',
    role: 'administrator',
    unit: 'Kommunledningsförvaltningen',
  },
];
