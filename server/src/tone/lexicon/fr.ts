import type { Lexicon } from './types.js';

export const fr: Lexicon = {
  idioms: [
    { phrase: 'poser un lapin', suggestion: 'ne pas venir à un rendez-vous' },
    { phrase: 'coûter les yeux de la tête', suggestion: 'coûter très cher' },
    { phrase: 'avoir le cafard', suggestion: 'être triste' },
    { phrase: 'tomber dans les pommes', suggestion: "s'évanouir" },
    { phrase: 'mettre la main à la pâte', suggestion: 'participer' },
    { phrase: "c'est la fin des haricots", suggestion: "c'est fini" },
    { phrase: 'en un clin d’œil', suggestion: 'très vite' },
    { phrase: "en un clin d'œil", suggestion: 'très vite' },
    { phrase: 'ça roule', suggestion: "d'accord" },
    { phrase: 'au taquet', suggestion: 'pleinement mobilisé' },
    { phrase: 'faire le point', suggestion: 'examiner la situation' },
    { phrase: 'asap', suggestion: 'dès que possible, ou une date précise' },
    { phrase: 'checker', suggestion: 'vérifier' },
    { phrase: 'booker', suggestion: 'réserver' },
  ],
  greetings: ['Bonjour', 'Bonsoir', 'Madame', 'Monsieur', 'Cher', 'Chère', 'Salut'],
  closings: [
    'Cordialement',
    'Bien cordialement',
    'Bien à vous',
    'Sincèrement',
    'Je vous prie',
    'Veuillez agréer',
    'Bonne journée',
    'Bonne soirée',
    'À bientôt',
    'Merci',
  ],
};
