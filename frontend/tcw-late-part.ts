// The document page's late parts (ADR 121): the panels that carry this module have no other module of
// their own, and Vaadin asks for a component's chunk only when the attached class has one. With it,
// showing the panel loads the chunk that holds its fields and dialogs, and nothing else triggers it.
export const latePart = true;
