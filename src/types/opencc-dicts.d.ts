// opencc-js ships its dictionaries as modules (opencc-js/dict/<Name>) without type declarations.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
