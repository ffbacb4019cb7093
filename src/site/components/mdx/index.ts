/** The component map for `<Content components={…} />`: exactly the names in contract.ts. */
import Anchor from './Anchor.astro';
import Figure from './Figure.astro';
import Heading from './Heading.astro';
import Item from './Item.astro';
import List from './List.astro';
import Para from './Para.astro';
import Pre from './Pre.astro';
import Table from './Table.astro';

export const mdxComponents = {
  Heading,
  Para,
  List,
  Item,
  Figure,
  Table,
  Pre,
  // Interim: not in contract.ts, emitted by the compiler's current heading form.
  Anchor,
};
