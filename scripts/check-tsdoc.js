#!/usr/bin/env node
/**
 * Fails when the built types leave something undocumented: every top-level declaration of
 * `dist/index.d.ts` (interface, type, const, function, class, enum — exported, or bundled in
 * because an export refers to it) and every named member of them (properties and methods of
 * interfaces and classes, members of object types written inline, enum members) must carry a
 * `/** … *\/` comment with text, since that is what an editor shows on hover and completion.
 * An overloaded function counts as documented when one of its signatures is (editors fall back
 * to it).
 *
 * Usage: node scripts/check-tsdoc.js [path/to/index.d.ts]  (default: dist/index.d.ts; run `npm run build` first)
 * Exit 0 when all is documented; 1 listing what is not; 2 when the file is missing.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

const root = join(import.meta.dirname, '..')
const file = process.argv[2] ?? join(root, 'dist', 'index.d.ts')
if (!existsSync(file)) {
  console.error(`check-tsdoc: ${file} is missing; run \`npm run build\` first.`)
  process.exit(2)
}

const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)

/** Whether `node` has a JSDoc comment with text (tags alone do not count). */
function documented(node) {
  return ts.getJSDocCommentsAndTags(node).some((doc) => ts.isJSDoc(doc) && (ts.getTextOfJSDocComment(doc.comment) ?? '').trim() !== '')
}

/** The name of a member or declaration as written, or `undefined` for unnamed ones (index and call signatures). */
function nameOf(node) {
  if (node.name === undefined) return undefined
  if (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) || ts.isNumericLiteral(node.name)) return node.name.text
  if (ts.isPrivateIdentifier(node.name)) return undefined
  return node.name.getText(source)
}

function isPrivate(node) {
  return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private) !== 0
}

const missing = []

/** Check the named members of `node`'s object types, and of object types written inside them. */
function checkMembers(owner, node) {
  for (const member of node.members) {
    const name = nameOf(member)
    if (name !== undefined && !isPrivate(member)) {
      if (!documented(member)) missing.push(`${owner}.${name}`)
      checkNested(`${owner}.${name}`, member)
    } else {
      checkNested(owner, member)
    }
  }
}

/** Find object types written inline below `node` (in a member's or alias's type) and check their members. */
function checkNested(owner, node) {
  ts.forEachChild(node, (child) => checkType(owner, child))
}

/** Check `node` when it is an object type written inline, else the object types inside it. */
function checkType(owner, node) {
  if (ts.isTypeLiteralNode(node)) checkMembers(owner, node)
  else if (!ts.isJSDoc(node)) checkNested(owner, node)
}

const functions = new Map()
const declared = new Set()

for (const statement of source.statements) {
  if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement) || ts.isImportDeclaration(statement)) continue
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      const name = nameOf(declaration)
      declared.add(name)
      if (!documented(declaration)) missing.push(name)
      if (declaration.type !== undefined) checkType(name, declaration.type)
    }
    continue
  }
  if (ts.isFunctionDeclaration(statement)) {
    const name = nameOf(statement) ?? 'default'
    declared.add(name)
    functions.set(name, (functions.get(name) ?? false) || documented(statement))
    continue
  }
  if (
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isModuleDeclaration(statement)
  ) {
    const name = nameOf(statement) ?? 'default'
    declared.add(name)
    if (!documented(statement)) missing.push(name)
    if (ts.isTypeAliasDeclaration(statement)) checkType(name, statement.type)
    else if (!ts.isModuleDeclaration(statement)) checkMembers(name, statement)
    continue
  }
  missing.push(
    `(statement at line ${source.getLineAndCharacterOfPosition(statement.getStart()).line + 1}: ${ts.SyntaxKind[statement.kind]})`
  )
}
for (const [name, ok] of functions) if (!ok) missing.push(name)

// Every name in the export list must be declared here, so nothing escapes the check.
for (const statement of source.statements) {
  if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier !== undefined) continue
  if (statement.exportClause === undefined || !ts.isNamedExports(statement.exportClause)) continue
  for (const element of statement.exportClause.elements) {
    const local = (element.propertyName ?? element.name).text
    if (!declared.has(local)) missing.push(`${local} (exported, but declared elsewhere: not checked)`)
  }
}
for (const statement of source.statements) {
  if (ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined) {
    missing.push(`export … from ${statement.moduleSpecifier.getText(source)} (declared elsewhere: not checked)`)
  }
}

const shown = relative(process.cwd(), file) || file
if (missing.length > 0) {
  console.error(`check-tsdoc: ${missing.length} declaration(s) in ${shown} without TSDoc:`)
  for (const name of missing) console.error(`  ${name}`)
  process.exit(1)
}
console.log(`check-tsdoc: every declaration and member in ${shown} has TSDoc (${declared.size} declarations).`)
