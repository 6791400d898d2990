/** How each kind of record is drawn in the network, and the same in words for the key. */
/** Each kind has its own shape as well as colour, so the drawing does not rely on colour alone. */
export const KIND_STYLE: Record<string, { shape: string; colour: string; words: string }> = {
  child: { shape: 'ellipse', colour: '#1d70b8', words: 'blue circle' },
  person_of_concern: { shape: 'diamond', colour: '#d4351c', words: 'red diamond' },
  place: { shape: 'round-rectangle', colour: '#00703c', words: 'green rounded square' },
  peer_group: { shape: 'hexagon', colour: '#4c2c92', words: 'purple hexagon' },
  online_space: { shape: 'tag', colour: '#f47738', words: 'orange tag' },
  vehicle: { shape: 'rectangle', colour: '#505a5f', words: 'grey square' },
  business: { shape: 'barrel', colour: '#28a197', words: 'turquoise barrel' },
};
