// Vite's ambient types: stylesheet and asset imports (`import '…/styles.css'`), import.meta.env.
/// <reference types="vite/client" />
