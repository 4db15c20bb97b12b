<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>About</name>
    <message>
        <source>Build a neural network by hand, step its backward pass one neuron at a time, and train it with SGD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python {python} · Qt {qt} · PySide6 {pyside} · NumPy {numpy}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About NN Playground</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackwardDock</name>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step the forward pass one neuron at a time before the backward pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackwardMenu</name>
    <message>
        <source>Step the &amp;Forward Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the backward pass, compute z and y one neuron at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backward Pass Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the Backward Pass panel and the trace on the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Backward Pass</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CanvasOverlay</name>
    <message>
        <source>L = ? (after the outputs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>b {bias} (fixed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rows} of {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{columns}; the first {n} rows are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose each column&apos;s role: inputs feed the input neurons in order, targets are what the output neurons should learn to give.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows set aside, at random, to measure the test loss; 0 keeps every row for training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the random choice of test rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test share:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the input or output neurons the chosen columns need, connected like the ones there are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s first rows (numbered as a spreadsheet numbers them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen: {inputs} and {targets}. The network has {neurons} and {outputs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} input column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} input columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} target column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} target columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} input neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} input neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} output neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} output neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one input column and one target column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network has more input or output neurons than the chosen columns: choose more columns, or delete the neurons the data cannot feed before importing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the missing {neurons}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data needs {neurons} more than the network has; tick the box to create them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataDock</name>
    <message>
        <source>The data no longer fits the network: {reason}. Undo the edit, or choose data that fits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data yet: choose a generator or import a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{train} training and {test} test samples; {inputs} → {targets}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network takes {n} features of them: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class labels {low} and {high}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the network file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import the CSV file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Rename Network to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Network Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Feature {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop Feature {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeaturePicker</name>
    <message>
        <source>Input features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed the network columns computed from the raw inputs: each ticked feature is an input neuron of its own. The output view still plots over X₁ and X₂.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network needs at least one input; tick another feature first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed {feature} to an input neuron of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>starting a new network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening another network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Networks (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was removed from Open Recent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: cannot open the file ({problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>importing a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import ONNX Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {path}: save it to keep it as a network file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch scripts (*.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PyTorch Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export ONNX Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening an example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the example {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: cannot save ({problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientCheckWindow</name>
    <message>
        <source>Gradient Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gradient check tests the backward pass: each ∂L/∂w it computes by the chain rule is compared with what nudging that weight a tiny bit up and down does to the loss, and if the two disagree, the gradient code is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the canvas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above, up to {amber}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above {amber}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network has no output neuron, so there is no loss to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to check: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on {sample}, the one the Backward Pass traces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared the gradients of {count} of the {total} weights and biases, chosen at random with seed {seed},</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared the gradients of all weights and biases ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on seeded random inputs, as the network has no data (samples: {used})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the training data (samples used: {used} of {total})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chain-rule gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finite difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: the {part} of {name} is not a finite number (a value overflows with these weights and data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No gradient could be compared, so there is nothing to fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network has no weights or biases to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {above} of {count} gradients are off by more than {limit}; the largest error is {error} at {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed: every gradient agrees with its finite difference to within {limit}; the largest error is {error} at {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network has changed since this check: press Check Again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientLegend</name>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w · y into the current neuron, which then shows its z and y</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientTableModel</name>
    <message>
        <source>Weight or bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain rule ∂L/∂w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finite difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not compared: each nudge moves a relu, leaky_relu or elu neuron across its kink at z = 0, where the slope jumps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a finite number: a value overflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above the limit {limit}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>NN Playground will use {language} the next time it starts. Close it and start it again to switch now.</source>
        <translation>NN Playground 下次啟動時將使用「{language}」。若要立即切換，請關閉後重新啟動。</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Loss after each epoch. Drag to pan, wheel to zoom; Auto-range brings the whole run back into view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic scale, where slow late progress is visible (the accuracy stays in %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the whole run into view again and follow it as it grows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbers of the epoch under the mouse, else of the latest epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solid: measured on the training data; dashed or dotted: on the test data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>━ train ┈ test accuracy (right axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>━ train accuracy (right axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No epochs trained yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{epoch} (latest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy {train} / {test} (train / test)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy {train}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>quitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import ONNX Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a feed-forward ONNX model as a new, unsaved network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PNG Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SVG Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;yTorch Script…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A standalone Python file that trains this network with torch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ONNX Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network as a model onnxruntime and other tools run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import ONNX Model (needs the onnx extra)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONNX Model (needs the onnx extra)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Neuron Output Pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beside each neuron, a picture of its output over the two inputs&apos; plane (networks with two inputs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;Gradients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare every gradient of the backward pass with a finite difference, as playground check does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network&apos;s name (shown in the title) and description, saved with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing, stepping the backward pass, training, data and files, with pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every command&apos;s keys and the canvas&apos;s mouse gestures, in one table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkPropertiesDialog</name>
    <message>
        <source>Network Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in the window title and saved in the file; not the file&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the network is for, where its numbers come from…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name cannot be used: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NeuronPictures</name>
    <message>
        <source>No output picture: pictures are drawn for networks with exactly two inputs; this one has {inputs}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputToggles</name>
    <message>
        <source>Discretize output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the test points (hollow) as well as the training points (filled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour each place by the class the network gives it (above or below the middle of the colour scale) instead of a gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a heatmap (a network of two inputs) can be discretized</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <source>showing {shown} of {total} points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network&apos;s output over the inputs&apos; range: filled dots are training points, hollow ones test points. Hover a neuron on the canvas to see its own output here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which output neuron to draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network has no output neuron yet, so there is no output to draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output view draws networks with one or two input neurons; this one has {inputs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colour: orange below {middle}, blue from {middle}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colour: orange {low} → blue {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line: the network&apos;s output; dots: the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neuron {name} (hovered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● train ○ test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● train</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresetNumberBox</name>
    <message>
        <source>{text!r} is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>today at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on {date} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no folder for the app&apos;s data on this system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot make the folder {folder} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the unsaved changes to “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore your unsaved changes to “{name}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NN Playground closed before you saved them. The last copy was kept {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never saved to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved changes to “{name}” cannot be restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of unsaved changes cannot be restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy kept {when} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later keeps the copy and asks again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the changes as an unsaved network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the copy for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the copy and ask again next time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryWriter</name>
    <message>
        <source>Your changes cannot be kept safe against a crash until you save: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusalTip</name>
    <message>
        <source>Cannot connect: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SamplePicker</name>
    <message>
        <source>Training data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace a row of the network&apos;s data, or type a sample in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which sample of the data (also: click a row below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1,3,5 or 1:4 — empty: one sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minibatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text!r} is not a list such as 1,3,5 or a range such as 1:4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace several samples as one minibatch, the way SGD uses it: each sample&apos;s passes, then the mean gradients, then one update. Samples count from 1; in a range A:B, B is left out (1:4 is samples 1, 2 and 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text!r} is not a number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleTableModel</name>
    <message>
        <source>raw {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TraceCommand</name>
    <message>
        <source>the sample given by --x and --y</source>
        <translation>以 --x 與 --y 指定的樣本</translation>
    </message>
    <message>
        <source>{sample} with {options}</source>
        <translation>{sample}，{options} 以手動給定的值取代</translation>
    </message>
    <message>
        <source>test sample {number} of {count} (--sample {index})</source>
        <translation>測試資料第 {number} 個樣本，共 {count} 個（--sample {index}）</translation>
    </message>
    <message>
        <source>train sample {number} of {count} (--sample {index})</source>
        <translation>訓練資料第 {number} 個樣本，共 {count} 個（--sample {index}）</translation>
    </message>
    <message>
        <source>{count} test samples (--samples {listed}) as one minibatch</source>
        <translation>{count} 個測試樣本（--samples {listed}）組成的一個小批次</translation>
    </message>
    <message>
        <source>{count} train samples (--samples {listed}) as one minibatch</source>
        <translation>{count} 個訓練樣本（--samples {listed}）組成的一個小批次</translation>
    </message>
    <message>
        <source>Trace of {sample} through “{network}”</source>
        <translation>追蹤「{network}」：{sample}</translation>
    </message>
</context>
<context>
    <name>TrainingDock</name>
    <message>
        <source>L1 penalty: adds l1·sign(w) to each weight&apos;s gradient, pulling every weight to 0 by the same amount whatever its size, so unneeded weights end near 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set L1 to {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L1: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update biases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When on, SGD moves each bias against its gradient, as it moves the weights. When off, every bias stays fixed and only the weights learn: Matt Mazur&apos;s worked 2-2-2 backpropagation example keeps its biases fixed this way, so turn it off to follow his numbers step by step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the loss to stop below must be above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update Biases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Biases Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss not changed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary cross-entropy needs sigmoid outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make {outputs} sigmoid and use binary cross-entropy, as one undo step?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make Outputs Sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choosing it offers to make the outputs sigmoid: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserGuideWindow</name>
    <message>
        <source>NN Playground User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user guide is not installed with this copy of NN Playground ({path}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
