/**
 * React node views of the structural nodes. They render what is NOT text in the document, from
 * the template data by id: the protected heading (h2 for an item, h3 for a block), the guidance
 * (visually distinct, referenced by aria-describedby), the block's typed field widgets, and each
 * text field's label and own fields above its editable content. All of that sits in
 * contentEditable=false "chrome"; Tiptap's NodeView keeps ProseMirror out of its events and
 * mutations, so inputs inside work as ordinary form controls.
 */
import { useMemo } from "react";
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps, type ReactNodeViewRendererOptions } from "@tiptap/react";
import { TEMPLATE, findBlock, findTextField, isItemLevelBlock } from "../../../shared/template/definition.js";
import { countWords } from "../../../shared/template/words.js";
import type { PMNodeJSON } from "../../../shared/template/types.js";
import { da } from "../../i18n/da.js";
import { FieldList } from "./fields/FieldWidget.js";
import { fieldDomId } from "./fields/inputs.js";

/** Re-render only when the node's id changes: content edits below never change the chrome. */
export const rerenderOnIdChange: ReactNodeViewRendererOptions["update"] = ({ oldNode, newNode, updateProps }) => {
  if (oldNode.attrs.id !== newNode.attrs.id) updateProps();
  return true;
};

function Guidance({ id, text }: { id: string; text: string }) {
  return (
    <div className="guidance" id={id} role="note">
      <span className="guidance__label">{da.editor.guidance}</span>
      <p className="guidance__text">{text}</p>
    </div>
  );
}

function idOf(node: ReactNodeViewProps["node"]): string {
  return typeof node.attrs.id === "string" ? node.attrs.id : "";
}

export function ItemView({ node }: ReactNodeViewProps) {
  const id = idOf(node);
  const item = TEMPLATE.items.find((i) => i.id === id);
  const headingId = fieldDomId(id, "heading");
  const guidanceId = fieldDomId(id, "guidance");
  return (
    <NodeViewWrapper
      as="section"
      className={`reply-item${item?.optional ? " reply-item--optional" : ""}`}
      data-item={id}
      aria-labelledby={headingId}
      aria-describedby={item?.guidance ? guidanceId : undefined}
    >
      <div className="reply-item__head" contentEditable={false} data-chrome="">
        <h2 className="reply-item__heading" id={headingId}>
          {item?.heading ?? da.editor.unknownItem}
        </h2>
        {item?.guidance ? <Guidance id={guidanceId} text={item.guidance} /> : null}
      </div>
      <NodeViewContent className="reply-item__content" />
    </NodeViewWrapper>
  );
}

export function BlockView({ node }: ReactNodeViewProps) {
  const id = idOf(node);
  const block = findBlock(id);
  // A single-block item (hoved, indledning, i4, bilag) repeats the item heading: show it once.
  const showHeading = block !== undefined && !isItemLevelBlock(block);
  const headingId = fieldDomId(id, "heading");
  const guidanceId = fieldDomId(id, "guidance");
  return (
    <NodeViewWrapper
      as="section"
      className="reply-block"
      data-block={id}
      aria-labelledby={showHeading ? headingId : undefined}
      aria-label={!showHeading ? (block?.heading ?? da.editor.unknownBlock) : undefined}
      aria-describedby={block?.guidance ? guidanceId : undefined}
    >
      <div className="reply-block__head" contentEditable={false} data-chrome="">
        {showHeading ? (
          <h3 className="reply-block__heading" id={headingId}>
            {block.number ? <span className="reply-block__number">{block.number}</span> : null}
            {block.heading}
          </h3>
        ) : null}
        {block === undefined ? <h3 className="reply-block__heading">{da.editor.unknownBlock}</h3> : null}
        {block?.guidance ? <Guidance id={guidanceId} text={block.guidance} /> : null}
        {block ? <FieldList fields={block.fields} /> : null}
      </div>
      <NodeViewContent className="reply-block__content" />
    </NodeViewWrapper>
  );
}

export function TextFieldView({ node }: ReactNodeViewProps) {
  const id = idOf(node);
  const def = findTextField(id);
  const labelId = fieldDomId(id, "label");
  const countId = fieldDomId(id, "count");
  const words = useMemo(() => countWords((node.content.toJSON() ?? []) as PMNodeJSON[]), [node]);
  const element = /\.(E\d{2})\.hvordan$/.exec(id)?.[1];
  return (
    <NodeViewWrapper className="text-field" data-field={id} data-text-field="" role="group" aria-labelledby={labelId} aria-describedby={countId}>
      <div className="text-field__head" contentEditable={false} data-chrome="">
        <p className="text-field__label" id={labelId}>
          {element ? <span className="text-field__element">{element}</span> : null}
          {def?.label ?? da.editor.unknownField}
        </p>
        {def?.fields ? <FieldList fields={def.fields} /> : null}
      </div>
      <NodeViewContent className="text-field__content" />
      <p className="text-field__count" id={countId} contentEditable={false} data-chrome="">
        {da.editor.words(words)}
      </p>
    </NodeViewWrapper>
  );
}
