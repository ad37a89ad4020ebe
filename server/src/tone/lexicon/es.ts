import type { Lexicon } from './types.js';

export const es: Lexicon = {
  idioms: [
    { phrase: 'estar en las nubes', suggestion: 'estar distraído' },
    { phrase: 'costar un ojo de la cara', suggestion: 'costar mucho' },
    { phrase: 'tomar el pelo', suggestion: 'bromear, engañar' },
    { phrase: 'meter la pata', suggestion: 'cometer un error' },
    { phrase: 'ponerse las pilas', suggestion: 'darse prisa, esforzarse' },
    { phrase: 'pan comido', suggestion: 'muy fácil' },
    { phrase: 'no hay tu tía', suggestion: 'no hay solución' },
    { phrase: 'a la vuelta de la esquina', suggestion: 'muy pronto' },
    { phrase: 'echar una mano', suggestion: 'ayudar' },
    { phrase: 'ahorita', suggestion: 'una hora concreta (su sentido varía según el país)' },
    { phrase: 'asap', suggestion: 'lo antes posible, o una fecha concreta' },
    { phrase: 'chequear', suggestion: 'revisar' },
  ],
  greetings: ['Estimado', 'Estimada', 'Estimados', 'Buenos días', 'Buenas tardes', 'Buenas noches', 'Hola', '¡Hola'],
  closings: [
    'Atentamente',
    'Un cordial saludo',
    'Cordialmente',
    'Saludos',
    'Un saludo',
    'Muchas gracias',
    'Gracias',
    '¡Hasta pronto',
    'Hasta pronto',
  ],
};
