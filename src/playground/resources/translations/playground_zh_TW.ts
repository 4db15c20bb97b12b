<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>About</name>
    <message>
        <source>Build a neural network by hand, step its backward pass one neuron at a time, and train it with SGD.</source>
        <translation>親手搭建神經網路，一次一個神經元地單步執行反向傳播，並用 SGD 訓練它。</translation>
    </message>
    <message>
        <source>Python {python} · Qt {qt} · PySide6 {pyside} · NumPy {numpy}</source>
        <translation>Python {python} · Qt {qt} · PySide6 {pyside} · NumPy {numpy}</translation>
    </message>
    <message>
        <source>About NN Playground</source>
        <translation>關於 NN Playground</translation>
    </message>
</context>
<context>
    <name>ActivationPlot</name>
    <message>
        <source>input: no activation</source>
        <translation>輸入：沒有激活函數</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open the example</source>
        <translation>無法開啟範例</translation>
    </message>
</context>
<context>
    <name>BackwardDock</name>
    <message>
        <source>Show or hide the choice of sample</source>
        <translation>顯示或隱藏樣本的選擇</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>樣本</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新開始</translation>
    </message>
    <message>
        <source>Back to the forward pass (Home)</source>
        <translation>回到前向傳播（Home）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>One step back (Left)</source>
        <translation>退回一步（←）</translation>
    </message>
    <message>
        <source>One neuron further (Right or Space)</source>
        <translation>前進一個神經元（→ 或空白鍵）</translation>
    </message>
    <message>
        <source>To the end</source>
        <translation>到最後</translation>
    </message>
    <message>
        <source>To the SGD update (End)</source>
        <translation>跳到 SGD 更新（End）</translation>
    </message>
    <message>
        <source>Step on by itself, one step every so many seconds (P)</source>
        <translation>自動單步，每隔幾秒走一步（P）</translation>
    </message>
    <message>
        <source>Seconds per step while playing</source>
        <translation>播放時每一步的秒數</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>細分</translation>
    </message>
    <message>
        <source>Split each neuron into: gather ∂L/∂y, multiply by f′(z), then the weights&apos; and bias&apos;s gradients</source>
        <translation>把每個神經元分成三步：收集 ∂L/∂y、乘上 f′(z)，再算權重與偏差的梯度</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>Step the forward pass one neuron at a time before the backward pass</source>
        <translation>在反向傳播之前，先逐一神經元單步執行前向傳播</translation>
    </message>
    <message>
        <source> digits</source>
        <translation> 位數</translation>
    </message>
    <message>
        <source>Significant digits of the numbers shown; hover a number to see all of it</source>
        <translation>顯示數字的有效位數；將滑鼠移到數字上可看到完整的值</translation>
    </message>
    <message>
        <source>Apply SGD update</source>
        <translation>套用 SGD 更新</translation>
    </message>
    <message>
        <source>Write the new weights and biases into the network</source>
        <translation>把新的權重與偏差寫入網路</translation>
    </message>
    <message>
        <source>Next sample</source>
        <translation>下一個樣本</translation>
    </message>
    <message>
        <source>Trace the next sample of the same data</source>
        <translation>追蹤同一份資料的下一個樣本</translation>
    </message>
    <message>
        <source>Apply update</source>
        <translation>套用更新</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>單步</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
</context>
<context>
    <name>BackwardMenu</name>
    <message>
        <source>Step &amp;Through One Sample</source>
        <translation>逐步追蹤一個樣本(&amp;T)</translation>
    </message>
    <message>
        <source>Show the Backward Pass panel and the trace on the canvas</source>
        <translation>顯示反向傳播面板，並在畫布上顯示追蹤</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>單步(&amp;S)</translation>
    </message>
    <message>
        <source>One neuron further (Right or Space); at the update, apply it</source>
        <translation>前進一個神經元（→ 或空白鍵）；到了更新這一步就套用它</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <source>One step back</source>
        <translation>退回一步</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>重新開始(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the forward pass</source>
        <translation>回到前向傳播</translation>
    </message>
    <message>
        <source>To the &amp;End</source>
        <translation>到最後(&amp;E)</translation>
    </message>
    <message>
        <source>To the SGD update</source>
        <translation>跳到 SGD 更新</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>Step on by itself at the speed set in the panel</source>
        <translation>依面板設定的速度自動單步</translation>
    </message>
    <message>
        <source>Step the &amp;Forward Pass</source>
        <translation>單步執行前向傳播(&amp;F)</translation>
    </message>
    <message>
        <source>Before the backward pass, compute z and y one neuron at a time</source>
        <translation>在反向傳播之前，逐一神經元計算 z 和 y</translation>
    </message>
    <message>
        <source>&amp;Detailed Sub-steps</source>
        <translation>細分步驟(&amp;D)</translation>
    </message>
    <message>
        <source>Three parts per neuron: ∂L/∂y, ∂L/∂z, then ∂L/∂w and ∂L/∂b</source>
        <translation>每個神經元分三部分：∂L/∂y、∂L/∂z，再來是 ∂L/∂w 和 ∂L/∂b</translation>
    </message>
    <message>
        <source>&amp;Apply SGD Update</source>
        <translation>套用 SGD 更新(&amp;A)</translation>
    </message>
    <message>
        <source>Write the update&apos;s weights and biases into the network (one undo step)</source>
        <translation>把更新後的權重與偏差寫入網路（可一次復原）</translation>
    </message>
    <message>
        <source>&amp;Next Sample</source>
        <translation>下一個樣本(&amp;N)</translation>
    </message>
    <message>
        <source>Trace the next sample of the same data</source>
        <translation>追蹤同一份資料的下一個樣本</translation>
    </message>
    <message>
        <source>Pr&amp;esentation Mode</source>
        <translation>簡報模式(&amp;E)</translation>
    </message>
    <message>
        <source>Only the canvas and the formulas, in large type (Esc leaves)</source>
        <translation>只顯示畫布與公式，並放大字體（按 Esc 離開）</translation>
    </message>
    <message>
        <source>Leave Presentation Mode</source>
        <translation>離開簡報模式</translation>
    </message>
    <message>
        <source>Export Trace as &amp;HTML…</source>
        <translation>將追蹤匯出為 HTML(&amp;H)…</translation>
    </message>
    <message>
        <source>Every step&apos;s formulas and a picture of the canvas, for lecture notes</source>
        <translation>每一步的公式與畫布圖片，可用於講義</translation>
    </message>
    <message>
        <source>Export Canvas at This Step as P&amp;NG…</source>
        <translation>將這一步的畫布匯出為 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>A picture of the canvas with the gradient overlay</source>
        <translation>畫布連同梯度標示的圖片</translation>
    </message>
    <message>
        <source>&amp;Backward</source>
        <translation>反向傳播(&amp;B)</translation>
    </message>
    <message>
        <source>N&amp;otation</source>
        <translation>符號表示法(&amp;O)</translation>
    </message>
    <message>
        <source>Backward Pass Panel</source>
        <translation>反向傳播面板</translation>
    </message>
    <message>
        <source>Show or hide the Backward Pass panel and the trace on the canvas</source>
        <translation>顯示或隱藏反向傳播面板與畫布上的追蹤</translation>
    </message>
    <message>
        <source>◀ Backward Pass</source>
        <translation>◀ 反向傳播</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>反向傳播</translation>
    </message>
    <message>
        <source>&amp;Neuron Names</source>
        <translation>神經元名稱(&amp;N)</translation>
    </message>
    <message>
        <source>Subscripts are the neurons’ names, as on the canvas</source>
        <translation>下標使用神經元名稱，與畫布上相同</translation>
    </message>
    <message>
        <source>&amp;Layer-Relative (j−1, j, j+1)</source>
        <translation>相對層次（j−1, j, j+1）(&amp;L)</translation>
    </message>
    <message>
        <source>Subscripts count levels from the neuron explained (j), as the lecture does</source>
        <translation>下標以相對於所解說神經元（j）的層次表示，與課堂相同</translation>
    </message>
</context>
<context>
    <name>BackwardPanels</name>
    <message>
        <source>Backward Pass</source>
        <translation>反向傳播</translation>
    </message>
    <message>
        <source>Export Trace as HTML</source>
        <translation>將追蹤匯出為 HTML</translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation>HTML 網頁 (*.html)</translation>
    </message>
    <message>
        <source>The trace was not exported: {problem}</source>
        <translation>追蹤沒有匯出：{problem}</translation>
    </message>
    <message>
        <source>Exported the trace ({count} steps) to {path}.</source>
        <translation>已將追蹤（{count} 步）匯出到 {path}。</translation>
    </message>
    <message>
        <source>Export Canvas at This Step</source>
        <translation>匯出這一步的畫布</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 圖片 (*.png)</translation>
    </message>
    <message>
        <source>The picture was not exported: {problem}</source>
        <translation>圖片沒有匯出：{problem}</translation>
    </message>
    <message>
        <source>Exported the canvas at {step} to {path}.</source>
        <translation>已將畫布（{step}）匯出到 {path}。</translation>
    </message>
</context>
<context>
    <name>BackwardStepper</name>
    <message>
        <source>the sample has {n} input value(s); the network has {neurons} input neuron(s)</source>
        <translation>樣本有 {n} 個輸入值；網路有 {neurons} 個輸入神經元</translation>
    </message>
    <message>
        <source>the sample has {n} target value(s); the network has {neurons} output neuron(s)</source>
        <translation>樣本有 {n} 個目標值；網路有 {neurons} 個輸出神經元</translation>
    </message>
    <message>
        <source>the sample&apos;s input values must be finite numbers</source>
        <translation>樣本的輸入值必須是有限的數字</translation>
    </message>
    <message>
        <source>the sample&apos;s target values must be finite numbers</source>
        <translation>樣本的目標值必須是有限的數字</translation>
    </message>
    <message>
        <source>the network has no output neuron, so there is no loss to trace</source>
        <translation>網路沒有輸出神經元，所以沒有可追蹤的損失</translation>
    </message>
</context>
<context>
    <name>CanvasOverlay</name>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>L = ? (after the outputs)</source>
        <translation>L = ?（算完輸出之後）</translation>
    </message>
    <message>
        <source>was {loss}</source>
        <translation>之前 {loss}</translation>
    </message>
    <message>
        <source>∂L/∂y{j} from the loss</source>
        <translation>來自損失函數的 ∂L/∂y{j}</translation>
    </message>
    <message>
        <source>b {bias} (fixed)</source>
        <translation>b {bias}（固定）</translation>
    </message>
    <message>
        <source>mean {gradient}</source>
        <translation>平均 {gradient}</translation>
    </message>
</context>
<context>
    <name>CliCheck</name>
    <message>
        <source>analytic gradient</source>
        <translation>解析梯度</translation>
    </message>
    <message>
        <source>finite difference</source>
        <translation>有限差分</translation>
    </message>
    <message>
        <source>the network has no output neuron, so there is no loss to check</source>
        <translation>網路沒有輸出神經元，所以沒有可檢查的損失</translation>
    </message>
    <message>
        <source>no gradient could be compared, so there is nothing to fail</source>
        <translation>沒有任何梯度可以比較，所以沒有可判定失敗的項目</translation>
    </message>
    <message>
        <source>the network has no weights or biases to check</source>
        <translation>網路沒有可檢查的權重或偏差</translation>
    </message>
    <message>
        <source>largest relative error {error} at {name} (analytic {analytic}, finite difference {numeric})</source>
        <translation>最大相對誤差 {error} 出現在 {name}（解析 {analytic}，有限差分 {numeric}）</translation>
    </message>
    <message>
        <source>gradient check failed: relative error {error} at {name} is above the limit {limit}</source>
        <translation>梯度檢查失敗：{name} 的相對誤差 {error} 超過上限 {limit}</translation>
    </message>
    <message>
        <source>passed: every gradient compared agrees to within {limit}</source>
        <translation>通過：比較過的每個梯度都在 {limit} 以內相符</translation>
    </message>
    <message>
        <source>checked {checked} of {total} gradients, chosen at random with seed {seed},</source>
        <translation>檢查了 {total} 個梯度中的 {checked} 個（以種子 {seed} 隨機選取），</translation>
    </message>
    <message>
        <source>checked {checked} gradient(s)</source>
        <translation>檢查了 {checked} 個梯度</translation>
    </message>
    <message>
        <source>{counted} on {n} training sample(s) against finite differences</source>
        <translation>{counted}在 {n} 個訓練樣本上與有限差分比較</translation>
    </message>
    <message>
        <source>{counted} on {n} random sample(s) against finite differences</source>
        <translation>{counted}在 {n} 個隨機樣本上與有限差分比較</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>note: {n} gradient(s) not compared ({names}): every finite-difference step would move a relu, leaky_relu or elu neuron across its kink at z = 0, where f&apos; jumps and a finite difference means nothing</source>
        <translation>注意：有 {n} 個梯度沒有比較（{names}）：每一步有限差分都會讓某個 relu、leaky_relu 或 elu 神經元越過 z = 0 的轉折點，那裡 f&apos; 會跳動，有限差分沒有意義</translation>
    </message>
    <message>
        <source>NaN</source>
        <translation>NaN（非數字）</translation>
    </message>
    <message>
        <source>infinite</source>
        <translation>無限大</translation>
    </message>
    <message>
        <source>; {n} of the {compared} gradients compared are not finite</source>
        <translation>；比較的 {compared} 個梯度中有 {n} 個不是有限值</translation>
    </message>
    <message>
        <source>gradient check failed: the {part} at {name} is {written}, not a finite number (a value overflows with these weights and data){others}</source>
        <translation>梯度檢查失敗：{name} 的{part}是{written}，不是有限的數字（這些權重與資料讓某個值溢位）{others}</translation>
    </message>
</context>
<context>
    <name>CliExport</name>
    <message>
        <source>--out {out} is FILE itself; name another file</source>
        <translation>--out {out} 就是 FILE 本身；請指定另一個檔案</translation>
    </message>
    <message>
        <source>wrote the PyTorch script of “{name}” to {out}</source>
        <translation>已將「{name}」的 PyTorch 腳本寫入 {out}</translation>
    </message>
    <message>
        <source>wrote the ONNX model of “{name}” to {out}</source>
        <translation>已將「{name}」的 ONNX 模型寫入 {out}</translation>
    </message>
    <message>
        <source>run it with: {command}</source>
        <translation>執行方式：{command}</translation>
    </message>
    <message>
        <source>wrote {out}: {neurons} neurons and {connections} connections from {file}</source>
        <translation>已寫入 {out}：來自 {file} 的 {neurons} 個神經元與 {connections} 個連接</translation>
    </message>
</context>
<context>
    <name>CliPlot</name>
    <message>
        <source>epoch</source>
        <translation>世代</translation>
    </message>
    <message>
        <source>loss (mean over the split)</source>
        <translation>損失（該部分資料的平均）</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>訓練損失</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>測試損失</translation>
    </message>
    <message>
        <source>Qt could not encode the loss plot as a PNG image</source>
        <translation>Qt 無法把損失圖編碼成 PNG 圖片</translation>
    </message>
</context>
<context>
    <name>CliTrain</name>
    <message>
        <source>{option} needs a file name</source>
        <translation>{option} 需要檔案名稱</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>世代</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>訓練損失</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>測試損失</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>訓練準確率</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>測試準確率</translation>
    </message>
    <message>
        <source>the network FILE</source>
        <translation>網路檔案 FILE</translation>
    </message>
    <message>
        <source>--plot {path} would write the picture over {what}</source>
        <translation>--plot {path} 會把圖片寫在 {what} 上</translation>
    </message>
    <message>
        <source>--out {out} is the network FILE {file} under another name; to train FILE in place, give --out {file}</source>
        <translation>--out {out} 是網路檔案 FILE {file} 的另一個名稱；若要就地訓練 FILE，請用 --out {file}</translation>
    </message>
    <message>
        <source>trained {n} epoch(s) in {seconds} s</source>
        <translation>訓練了 {n} 個世代，費時 {seconds} 秒</translation>
    </message>
    <message>
        <source>saved the trained network to {path}</source>
        <translation>已將訓練後的網路儲存到 {path}</translation>
    </message>
    <message>
        <source>the trained network was not saved: give --out FILE to keep it</source>
        <translation>訓練後的網路沒有儲存：請用 --out FILE 保留它</translation>
    </message>
    <message>
        <source>drew the loss curve to {path}</source>
        <translation>已將損失曲線畫到 {path}</translation>
    </message>
    <message>
        <source>{name}: loss per epoch</source>
        <translation>{name}：每個世代的損失</translation>
    </message>
    <message>
        <source>interrupted at epoch {n}; nothing was written</source>
        <translation>在第 {n} 個世代中斷；沒有寫入任何檔案</translation>
    </message>
    <message>
        <source>{message} Nothing was written.</source>
        <translation>{message}沒有寫入任何檔案。</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>the clipboard holds no neurons to paste</source>
        <translation>剪貼簿裡沒有可貼上的神經元</translation>
    </message>
    <message>
        <source>the clipboard&apos;s neurons cannot be read ({problem})</source>
        <translation>無法讀取剪貼簿裡的神經元（{problem}）</translation>
    </message>
    <message>
        <source>Paste {id}</source>
        <translation>貼上 {id}</translation>
    </message>
    <message>
        <source>Paste {n} Neurons</source>
        <translation>貼上 {n} 個神經元</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>{text} is not a whole number</source>
        <translation>{text} 不是整數</translation>
    </message>
    <message>
        <source>{text} is too small: it must be at least {minimum}</source>
        <translation>{text} 太小：至少要是 {minimum}</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} 不是數字</translation>
    </message>
    <message>
        <source>{text} is not a finite number</source>
        <translation>{text} 不是有限的數字</translation>
    </message>
    <message>
        <source>{text} is not a list of numbers such as 0.5,1</source>
        <translation>{text} 不是數字清單（例如 0.5,1）</translation>
    </message>
    <message>
        <source>{part} in {text} is not a sample number (a whole number, counting from 0)</source>
        <translation>{text} 裡的 {part} 不是樣本編號（樣本編號是從 0 起算的整數）</translation>
    </message>
    <message>
        <source>{part} in {text} is not a sample number: samples count from 0</source>
        <translation>{text} 裡的 {part} 不是樣本編號：樣本從 0 起算</translation>
    </message>
    <message>
        <source>{text} is not a range A:B of sample numbers, such as 0:4 (4 excluded)</source>
        <translation>{text} 不是樣本編號的範圍 A:B（例如 0:4，不含 4）</translation>
    </message>
    <message>
        <source>the range {text} holds no sample: A:B runs from A up to B, B excluded, so B must be larger than A</source>
        <translation>範圍 {text} 裡沒有任何樣本：A:B 從 A 到 B、不含 B，所以 B 必須大於 A</translation>
    </message>
    <message>
        <source>{text} is not a list of sample numbers, such as 0,3,5 or the range 0:4</source>
        <translation>{text} 不是樣本編號清單（例如 0,3,5 或範圍 0:4）</translation>
    </message>
    <message>
        <source>{text} is too large: digits go from 3 to 8</source>
        <translation>{text} 太大：位數只能是 3 到 8</translation>
    </message>
    <message>
        <source>there is no display to open the app on (DISPLAY is not set); train, trace and check run without one</source>
        <translation>沒有可以開啟應用程式的顯示器（未設定 DISPLAY）；train、trace 與 check 不需要顯示器就能執行</translation>
    </message>
</context>
<context>
    <name>ConnectionItem</name>
    <message>
        <source>{source} → {target}
weight {weight}</source>
        <translation>{source} → {target}
權重 {weight}</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>column {column} is chosen as both an input and a target; a column can be only one of them</source>
        <translation>欄 {column} 同時被選為輸入與目標值；一欄只能是其中之一</translation>
    </message>
    <message>
        <source>a test share of {share} of {n} rows leaves no rows for training</source>
        <translation>{n} 列中測試比例 {share} 會讓訓練沒有任何一列</translation>
    </message>
    <message>
        <source>the {name!r} data</source>
        <translation>{name!r} 資料</translation>
    </message>
    <message>
        <source>the CSV</source>
        <translation>CSV 檔</translation>
    </message>
    <message>
        <source>{source} feeds {features} ({names}) but the network has {neurons}</source>
        <translation>{source}提供 {features}（{names}），但網路有 {neurons}</translation>
    </message>
    <message>
        <source>{source} gives {columns} but the network has {neurons}</source>
        <translation>{source}提供 {columns}，但網路有 {neurons}</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>沒有這個檔案</translation>
    </message>
    <message>
        <source>{file} is a folder, not a CSV file</source>
        <translation>{file} 是資料夾，不是 CSV 檔案</translation>
    </message>
    <message>
        <source>{file} is not a regular file (it is a pipe, a device or a socket); save the data to a file first</source>
        <translation>{file} 不是一般檔案（它是管道、裝置或 socket）；請先把資料存成檔案</translation>
    </message>
    <message>
        <source>{file} is larger than {most} MiB</source>
        <translation>{file} 大於 {most} MiB</translation>
    </message>
    <message>
        <source>{file} is not a regular file</source>
        <translation>{file} 不是一般檔案</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text (byte {byte} cannot be read); save it as CSV UTF-8 from the spreadsheet</source>
        <translation>{file} 不是 UTF-8 文字（無法讀取第 {byte} 個位元組）；請從試算表另存為「CSV UTF-8」</translation>
    </message>
    <message>
        <source>a cell is longer than the csv module&apos;s limit</source>
        <translation>有個儲存格超過 csv 模組的長度上限</translation>
    </message>
    <message>
        <source>a quote is not closed, or a quote inside a quoted cell is not doubled</source>
        <translation>有個引號沒有關閉，或引號內的儲存格中的引號沒有重複兩次</translation>
    </message>
    <message>
        <source>{file} is not a readable CSV file: near row {row}, {reason}</source>
        <translation>{file} 不是可讀取的 CSV 檔案：在第 {row} 列附近，{reason}</translation>
    </message>
    <message>
        <source>row {row} has {cells}; the header has {n}</source>
        <translation>第 {row} 列有 {cells}；標題列有 {n} 個</translation>
    </message>
    <message>
        <source>row {row}, column {column}</source>
        <translation>第 {row} 列，欄 {column}</translation>
    </message>
    <message>
        <source>{place} is empty; every cell needs a number</source>
        <translation>{place} 是空的；每個儲存格都需要一個數字</translation>
    </message>
    <message>
        <source>{cell} is not a number</source>
        <translation>{cell} 不是數字</translation>
    </message>
    <message>
        <source>{cell} is not a finite number</source>
        <translation>{cell} 不是有限的數字</translation>
    </message>
    <message>
        <source>{file} has a header but no rows of data; add one row of numbers per sample</source>
        <translation>{file} 有標題列但沒有資料列；請為每個樣本加一列數字</translation>
    </message>
    <message>
        <source>column {column} of the header (row {row}) has no name</source>
        <translation>標題列（第 {row} 列）的第 {column} 欄沒有名稱</translation>
    </message>
    <message>
        <source>the header names two columns {title} (columns {first} and {second}); each column needs its own name</source>
        <translation>標題列有兩欄都叫 {title}（第 {first} 與第 {second} 欄）；每一欄都需要自己的名稱</translation>
    </message>
    <message>
        <source>row {row} should name the columns but holds only numbers; add a header row such as {example}</source>
        <translation>第 {row} 列應該為各欄命名，卻只有數字；請加上標題列，例如 {example}</translation>
    </message>
    <message>
        <source>{n} input feature</source>
        <translation>{n} 個輸入特徵</translation>
    </message>
    <message>
        <source>{n} input features</source>
        <translation>{n} 個輸入特徵</translation>
    </message>
    <message>
        <source>{n} input neuron</source>
        <translation>{n} 個輸入神經元</translation>
    </message>
    <message>
        <source>{n} input neurons</source>
        <translation>{n} 個輸入神經元</translation>
    </message>
    <message>
        <source>{n} output neuron</source>
        <translation>{n} 個輸出神經元</translation>
    </message>
    <message>
        <source>{n} output neurons</source>
        <translation>{n} 個輸出神經元</translation>
    </message>
    <message>
        <source>{n} input column</source>
        <translation>{n} 個輸入欄</translation>
    </message>
    <message>
        <source>{n} input columns</source>
        <translation>{n} 個輸入欄</translation>
    </message>
    <message>
        <source>{n} target column</source>
        <translation>{n} 個目標值欄</translation>
    </message>
    <message>
        <source>{n} target columns</source>
        <translation>{n} 個目標值欄</translation>
    </message>
    <message>
        <source>{n} cell</source>
        <translation>{n} 個儲存格</translation>
    </message>
    <message>
        <source>{n} cells</source>
        <translation>{n} 個儲存格</translation>
    </message>
    <message>
        <source>the test share must be at least 0 and less than 1, not {value!r}</source>
        <translation>測試比例必須至少為 0 且小於 1，而不是 {value!r}</translation>
    </message>
    <message>
        <source>{file} cannot be read: {why}</source>
        <translation>無法讀取 {file}：{why}</translation>
    </message>
    <message>
        <source>{start}… ({n} characters)</source>
        <translation>{start}…（{n} 個字元）</translation>
    </message>
    <message>
        <source>{file} is empty; a CSV file needs a header row naming the columns and rows of numbers under it</source>
        <translation>{file} 是空的；CSV 檔案需要一列為各欄命名的標題列，以及其下的數字列</translation>
    </message>
    <message>
        <source>choose at least one input column from {columns}</source>
        <translation>請從 {columns} 中至少選一個輸入欄</translation>
    </message>
    <message>
        <source>choose at least one target column from {columns}</source>
        <translation>請從 {columns} 中至少選一個目標值欄</translation>
    </message>
    <message>
        <source>{file} has no column {title}; its columns are {columns}</source>
        <translation>{file} 沒有欄 {title}；它的欄是 {columns}</translation>
    </message>
    <message>
        <source>column {title} is chosen twice as an input</source>
        <translation>欄 {title} 被選為輸入兩次</translation>
    </message>
    <message>
        <source>column {title} is chosen twice as a target</source>
        <translation>欄 {title} 被選為目標值兩次</translation>
    </message>
    <message>
        <source>{listed} and {n} more</source>
        <translation>{listed}，以及另外 {n} 欄</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>input</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目標值</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>不使用</translation>
    </message>
    <message>
        <source>What column {name} is; click to change it</source>
        <translation>欄位 {name} 的用途；按一下即可變更</translation>
    </message>
    <message>
        <source>role</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>匯入 {name}</translation>
    </message>
    <message>
        <source>{n} column</source>
        <translation>{n} 個欄位</translation>
    </message>
    <message>
        <source>{n} columns</source>
        <translation>{n} 個欄位</translation>
    </message>
    <message>
        <source>{rows} of {columns}.</source>
        <translation>{rows}，{columns}。</translation>
    </message>
    <message>
        <source>{n} row</source>
        <translation>{n} 列</translation>
    </message>
    <message>
        <source>{n} rows</source>
        <translation>{n} 列</translation>
    </message>
    <message>
        <source>{columns}; the first {n} rows are shown.</source>
        <translation>{columns}；顯示前 {n} 列。</translation>
    </message>
    <message>
        <source>Choose each column&apos;s role: inputs feed the input neurons in order, targets are what the output neurons should learn to give.</source>
        <translation>選擇每個欄位的用途：輸入依序送進輸入神經元，目標值是輸出神經元應學會給出的值。</translation>
    </message>
    <message>
        <source>Rows set aside, at random, to measure the test loss; 0 keeps every row for training</source>
        <translation>隨機保留下來用來量測測試損失的列；0 表示所有列都用於訓練</translation>
    </message>
    <message>
        <source>Seed of the random choice of test rows</source>
        <translation>隨機選取測試列所用的種子</translation>
    </message>
    <message>
        <source>Test share:</source>
        <translation>測試比例：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>種子：</translation>
    </message>
    <message>
        <source>Add the input or output neurons the chosen columns need, connected like the ones there are</source>
        <translation>加入所選欄位需要的輸入或輸出神經元，連接方式與現有的相同</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>The file&apos;s first rows (numbered as a spreadsheet numbers them)</source>
        <translation>檔案的前幾列（編號方式與試算表相同）</translation>
    </message>
    <message>
        <source>Chosen: {inputs} and {targets}. The network has {neurons} and {outputs}.</source>
        <translation>已選：{inputs}、{targets}。網路有 {neurons}、{outputs}。</translation>
    </message>
    <message>
        <source>{n} input column</source>
        <translation>{n} 個輸入欄位</translation>
    </message>
    <message>
        <source>{n} input columns</source>
        <translation>{n} 個輸入欄位</translation>
    </message>
    <message>
        <source>{n} target column</source>
        <translation>{n} 個目標值欄位</translation>
    </message>
    <message>
        <source>{n} target columns</source>
        <translation>{n} 個目標值欄位</translation>
    </message>
    <message>
        <source>{n} input neuron</source>
        <translation>{n} 個輸入神經元</translation>
    </message>
    <message>
        <source>{n} input neurons</source>
        <translation>{n} 個輸入神經元</translation>
    </message>
    <message>
        <source>{n} output neuron</source>
        <translation>{n} 個輸出神經元</translation>
    </message>
    <message>
        <source>{n} output neurons</source>
        <translation>{n} 個輸出神經元</translation>
    </message>
    <message>
        <source>Choose at least one input column and one target column.</source>
        <translation>請至少選擇一個輸入欄位和一個目標值欄位。</translation>
    </message>
    <message>
        <source>The network has more input or output neurons than the chosen columns: choose more columns, or delete the neurons the data cannot feed before importing.</source>
        <translation>網路的輸入或輸出神經元比所選欄位多：請選擇更多欄位，或在匯入前刪除資料無法餵入的神經元。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>Create the missing {neurons}</source>
        <translation>建立缺少的 {neurons}</translation>
    </message>
    <message>
        <source>The data needs {neurons} more than the network has; tick the box to create them.</source>
        <translation>資料比網路多需要 {neurons}；勾選方塊即可建立。</translation>
    </message>
</context>
<context>
    <name>DataDock</name>
    <message>
        <source>Choose data…</source>
        <translation>選擇資料…</translation>
    </message>
    <message>
        <source>Table in the file</source>
        <translation>檔案中的表格</translation>
    </message>
    <message>
        <source>The data the network learns from: a generated toy set, or a table kept in the file</source>
        <translation>網路學習用的資料：產生的玩具資料集，或存在檔案中的表格</translation>
    </message>
    <message>
        <source>Noise: how far points stray from the clean pattern (50 % is very noisy)</source>
        <translation>雜訊：資料點偏離乾淨圖樣的程度（50 % 已經非常雜亂）</translation>
    </message>
    <message>
        <source>How many points to generate, training and test together</source>
        <translation>要產生多少個資料點（訓練與測試合計）</translation>
    </message>
    <message>
        <source>The share of the points used for training; the rest measure the test loss</source>
        <translation>用於訓練的資料點比例；其餘用來量測測試損失</translation>
    </message>
    <message>
        <source>The seed of the generator: the same seed gives the same points</source>
        <translation>產生器的種子：相同的種子產生相同的資料點</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新產生</translation>
    </message>
    <message>
        <source>New random points from the next seed, same kind and settings</source>
        <translation>以下一個種子產生新的隨機資料點，種類與設定不變</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>匯入 CSV…</translation>
    </message>
    <message>
        <source>Use the columns of a CSV file as inputs and targets; the data is saved in the network file</source>
        <translation>以 CSV 檔案的欄位作為輸入與目標值；資料會儲存在網路檔案中</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>資料：</translation>
    </message>
    <message>
        <source>Noise:</source>
        <translation>雜訊：</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>樣本數：</translation>
    </message>
    <message>
        <source>Train share:</source>
        <translation>訓練比例：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>種子：</translation>
    </message>
    <message>
        <source>The file holds no table of data</source>
        <translation>檔案中沒有資料表格</translation>
    </message>
    <message>
        <source>Makes {inputs} input(s) and {outputs} target(s); the network has {network_inputs} input and {network_outputs} output neuron(s)</source>
        <translation>產生 {inputs} 個輸入和 {outputs} 個目標值；網路有 {network_inputs} 個輸入神經元和 {network_outputs} 個輸出神經元</translation>
    </message>
    <message>
        <source>The data no longer fits the network: {reason}. Undo the edit, or choose data that fits.</source>
        <translation>資料已不符合網路：{reason}。請復原這次編輯，或選擇符合的資料。</translation>
    </message>
    <message>
        <source>No data yet: choose a generator or import a CSV file.</source>
        <translation>尚無資料：請選擇產生器或匯入 CSV 檔案。</translation>
    </message>
    <message>
        <source>{train} training and {test} test samples; {inputs} → {targets}.</source>
        <translation>{train} 個訓練樣本和 {test} 個測試樣本；{inputs} → {targets}。</translation>
    </message>
    <message>
        <source>1 input</source>
        <translation>1 個輸入</translation>
    </message>
    <message>
        <source>{n} inputs</source>
        <translation>{n} 個輸入</translation>
    </message>
    <message>
        <source>1 target</source>
        <translation>1 個目標值</translation>
    </message>
    <message>
        <source>{n} targets</source>
        <translation>{n} 個目標值</translation>
    </message>
    <message>
        <source>The network takes {n} features of them: {names}.</source>
        <translation>網路使用由它們算出的 {n} 個特徵：{names}。</translation>
    </message>
    <message>
        <source>Class labels {low} and {high}.</source>
        <translation>類別標籤為 {low} 和 {high}。</translation>
    </message>
    <message>
        <source>Stored in the network file.</source>
        <translation>儲存在網路檔案中。</translation>
    </message>
    <message>
        <source>Use the Table in the File</source>
        <translation>使用檔案中的表格</translation>
    </message>
    <message>
        <source>Regenerate Data</source>
        <translation>重新產生資料</translation>
    </message>
    <message>
        <source>{reason}. Nothing was changed.</source>
        <translation>{reason}。沒有任何變更。</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>匯入 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 檔案 (*.csv *.tsv *.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Nothing was imported. {reason}</source>
        <translation>沒有匯入任何資料。{reason}</translation>
    </message>
    <message>
        <source>Cannot import the CSV file</source>
        <translation>無法匯入 CSV 檔案</translation>
    </message>
    <message>
        <source>Circle (classes)</source>
        <translation>圓形（分類）</translation>
    </message>
    <message>
        <source>XOR (classes)</source>
        <translation>XOR（分類）</translation>
    </message>
    <message>
        <source>Two Gaussians (classes)</source>
        <translation>兩個高斯分布（分類）</translation>
    </message>
    <message>
        <source>Spiral (classes)</source>
        <translation>螺旋（分類）</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（迴歸）</translation>
    </message>
    <message>
        <source>Multi-Gaussian (regression)</source>
        <translation>多高斯分布（迴歸）</translation>
    </message>
    <message>
        <source>Sine (regression, 1 input)</source>
        <translation>正弦（迴歸，1 個輸入）</translation>
    </message>
    <message>
        <source>Use Circle Data</source>
        <translation>使用圓形資料</translation>
    </message>
    <message>
        <source>Use XOR Data</source>
        <translation>使用 XOR 資料</translation>
    </message>
    <message>
        <source>Use Two Gaussians Data</source>
        <translation>使用兩個高斯分布資料</translation>
    </message>
    <message>
        <source>Use Spiral Data</source>
        <translation>使用螺旋資料</translation>
    </message>
    <message>
        <source>Use Plane Data</source>
        <translation>使用平面資料</translation>
    </message>
    <message>
        <source>Use Multi-Gaussian Data</source>
        <translation>使用多高斯分布資料</translation>
    </message>
    <message>
        <source>Use Sine Data</source>
        <translation>使用正弦資料</translation>
    </message>
    <message>
        <source>Set Noise to {value}</source>
        <translation>將雜訊設為 {value}</translation>
    </message>
    <message>
        <source>Set Samples to {value}</source>
        <translation>將樣本數設為 {value}</translation>
    </message>
    <message>
        <source>Set Train Share to {value}</source>
        <translation>將訓練比例設為 {value}</translation>
    </message>
    <message>
        <source>Set Data Seed to {value}</source>
        <translation>將資料種子設為 {value}</translation>
    </message>
</context>
<context>
    <name>DataImport</name>
    <message>
        <source>Import {name}</source>
        <translation>匯入 {name}</translation>
    </message>
    <message>
        <source>Add {n} Neurons for {name}</source>
        <translation>為 {name} 加入 {n} 個神經元</translation>
    </message>
    <message>
        <source>Use the Data of {name}</source>
        <translation>使用 {name} 的資料</translation>
    </message>
</context>
<context>
    <name>Dataset</name>
    <message>
        <source>samples must be a whole number from 1 to {most}, not {value!r}</source>
        <translation>樣本數必須是 1 到 {most} 的整數，而不是 {value!r}</translation>
    </message>
    <message>
        <source>noise must be a number from 0 to {most} (0 is clean data, 0.5 is very noisy), not {value!r}</source>
        <translation>雜訊必須是 0 到 {most} 的數字（0 是乾淨的資料，0.5 是雜訊很多的資料），而不是 {value!r}</translation>
    </message>
    <message>
        <source>train_fraction must be more than 0 and at most 1 (the share of samples used for training), not {value!r}</source>
        <translation>train_fraction 必須大於 0 且最多為 1（用於訓練的樣本比例），而不是 {value!r}</translation>
    </message>
    <message>
        <source>seed must be a whole number from 0 to {most}, not {value!r}</source>
        <translation>種子必須是 0 到 {most} 的整數，而不是 {value!r}</translation>
    </message>
    <message>
        <source>labels must be a pair of two different numbers, such as [0, 1] or [-1, 1], not {value!r}</source>
        <translation>類別標籤必須是一對不同的數字，例如 [0, 1] 或 [-1, 1]，而不是 {value!r}</translation>
    </message>
    <message>
        <source>unknown generator {name!r}; choose one of {choices}</source>
        <translation>不明的產生器 {name!r}；請從 {choices} 中選一個</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Add Neuron {id}</source>
        <translation>新增神經元 {id}</translation>
    </message>
    <message>
        <source>Add Connection {connection}</source>
        <translation>新增連接 {connection}</translation>
    </message>
    <message>
        <source>Connect {n} Connections</source>
        <translation>新增 {n} 個連接</translation>
    </message>
    <message>
        <source>Delete Neuron {id}</source>
        <translation>刪除神經元 {id}</translation>
    </message>
    <message>
        <source>Delete Connection {connection}</source>
        <translation>刪除連接 {connection}</translation>
    </message>
    <message>
        <source>Delete {neurons} and {connections}</source>
        <translation>刪除 {neurons}和 {connections}</translation>
    </message>
    <message>
        <source>Delete {items}</source>
        <translation>刪除 {items}</translation>
    </message>
    <message>
        <source>Set Weight {connection} to {weight}</source>
        <translation>將權重 {connection} 設為 {weight}</translation>
    </message>
    <message>
        <source>Set Bias of {name} to {bias}</source>
        <translation>將 {name} 的偏差設為 {bias}</translation>
    </message>
    <message>
        <source>{id} is an input neuron; inputs have no bias</source>
        <translation>{id} 是輸入神經元；輸入沒有偏差</translation>
    </message>
    <message>
        <source>Set Activation of {name} to {activation}</source>
        <translation>將 {name} 的激活函數設為 {activation}</translation>
    </message>
    <message>
        <source>Label {id} {label}</source>
        <translation>將 {id} 的標籤設為 {label}</translation>
    </message>
    <message>
        <source>Remove Label of {id}</source>
        <translation>移除 {id} 的標籤</translation>
    </message>
    <message>
        <source>Make {id} Input</source>
        <translation>將 {id} 改為輸入</translation>
    </message>
    <message>
        <source>Make {id} Hidden</source>
        <translation>將 {id} 改為隱藏</translation>
    </message>
    <message>
        <source>Make {id} Output</source>
        <translation>將 {id} 改為輸出</translation>
    </message>
    <message>
        <source>Move {name}</source>
        <translation>移動 {name}</translation>
    </message>
    <message>
        <source>Change Training Settings</source>
        <translation>變更訓練設定</translation>
    </message>
    <message>
        <source>Use {loss} with Sigmoid Outputs</source>
        <translation>使用 {loss} 並將輸出改為 sigmoid</translation>
    </message>
    <message>
        <source>Rename Network to {name}</source>
        <translation>將網路重新命名為 {name}</translation>
    </message>
    <message>
        <source>Change Network Description</source>
        <translation>變更網路說明</translation>
    </message>
    <message>
        <source>Use Feature {name}</source>
        <translation>使用特徵 {name}</translation>
    </message>
    <message>
        <source>Drop Feature {name}</source>
        <translation>移除特徵 {name}</translation>
    </message>
    <message>
        <source>1 Neuron</source>
        <translation>1 個神經元</translation>
    </message>
    <message>
        <source>{n} Neurons</source>
        <translation>{n} 個神經元</translation>
    </message>
    <message>
        <source>1 Connection</source>
        <translation>1 個連接</translation>
    </message>
    <message>
        <source>{n} Connections</source>
        <translation>{n} 個連接</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>ONNX models need the onnx package, which is not installed: {install}</source>
        <translation>ONNX 模型需要 onnx 套件，但它沒有安裝：{install}</translation>
    </message>
    <message>
        <source>the network has no input neurons; an ONNX model needs an input x</source>
        <translation>網路沒有輸入神經元；ONNX 模型需要一個輸入 x</translation>
    </message>
    <message>
        <source>the network has no output neurons; an ONNX model needs an output y</source>
        <translation>網路沒有輸出神經元；ONNX 模型需要一個輸出 y</translation>
    </message>
    <message>
        <source>the model is {size} MiB; the limit is 1 GiB</source>
        <translation>模型大小為 {size} MiB；上限是 1 GiB</translation>
    </message>
    <message>
        <source>cannot read the model ({why})</source>
        <translation>無法讀取模型（{why}）</translation>
    </message>
    <message>
        <source>this is not an ONNX model (it does not decode)</source>
        <translation>這不是 ONNX 模型（無法解碼）</translation>
    </message>
    <message>
        <source>this is not an ONNX model (it holds no graph)</source>
        <translation>這不是 ONNX 模型（其中沒有計算圖）</translation>
    </message>
    <message>
        <source>the network has no output neuron, so the PyTorch model would return nothing and have no loss to train on; give one neuron the output role first</source>
        <translation>網路沒有輸出神經元，所以 PyTorch 模型不會傳回任何東西，也沒有可以訓練的損失；請先把某個神經元設為輸出</translation>
    </message>
</context>
<context>
    <name>FeatureInputs</name>
    <message>
        <source>the network has no data yet; choose a generator or import a CSV file first</source>
        <translation>網路還沒有資料；請先選擇產生器或匯入 CSV 檔案</translation>
    </message>
    <message>
        <source>the data feeds {columns} input column(s) but the network has {inputs} input neuron(s); make them match before choosing features</source>
        <translation>資料提供 {columns} 個輸入欄，但網路有 {inputs} 個輸入神經元；選擇特徵前請先讓兩者一致</translation>
    </message>
    <message>
        <source>the feature {name} already feeds an input neuron</source>
        <translation>特徵 {name} 已經餵給一個輸入神經元</translation>
    </message>
    <message>
        <source>the feature {name} feeds no input neuron</source>
        <translation>特徵 {name} 沒有餵給任何輸入神經元</translation>
    </message>
    <message>
        <source>the network needs at least one input; choose another feature first</source>
        <translation>網路至少需要一個輸入；請先選擇另一個特徵</translation>
    </message>
    <message>
        <source>{name!r} is not a feature of {n} raw input column(s); choose one of {choices}</source>
        <translation>{name!r} 不是 {n} 個原始輸入欄的特徵；請從 {choices} 中選一個</translation>
    </message>
</context>
<context>
    <name>FeaturePicker</name>
    <message>
        <source>Input features</source>
        <translation>輸入特徵</translation>
    </message>
    <message>
        <source>Feed the network columns computed from the raw inputs: each ticked feature is an input neuron of its own. The output view still plots over X₁ and X₂.</source>
        <translation>把由原始輸入算出的欄位餵給網路：每個勾選的特徵各自是一個輸入神經元。輸出檢視仍以 X₁ 和 X₂ 作圖。</translation>
    </message>
    <message>
        <source>The network needs at least one input; tick another feature first</source>
        <translation>網路至少需要一個輸入；請先勾選另一個特徵</translation>
    </message>
    <message>
        <source>Feed {feature} to an input neuron of its own</source>
        <translation>把 {feature} 送進它自己的輸入神經元</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}。</translation>
    </message>
    <message>
        <source>{reason}. Nothing was changed.</source>
        <translation>{reason}。沒有任何變更。</translation>
    </message>
</context>
<context>
    <name>Features</name>
    <message>
        <source>features must be a list of feature names, not {value!r}</source>
        <translation>features 必須是特徵名稱的串列，而不是 {value!r}</translation>
    </message>
    <message>
        <source>features is empty; the network needs at least one input column</source>
        <translation>features 是空的；網路至少需要一個輸入欄</translation>
    </message>
    <message>
        <source>the feature {name!r} is listed twice; each may feed one input neuron</source>
        <translation>特徵 {name!r} 列了兩次；每個特徵只能餵給一個輸入神經元</translation>
    </message>
    <message>
        <source>a feature is a name such as &apos;x1^2&apos;, not {value!r}</source>
        <translation>特徵是像 &apos;x1^2&apos; 這樣的名稱，而不是 {value!r}</translation>
    </message>
    <message>
        <source>{name!r} is not a feature; write x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2) (x3 and on for more raw columns)</source>
        <translation>{name!r} 不是特徵；請寫 x1、x2、x1^2、x2^2、x1*x2、sin(x1)、sin(x2)（原始欄更多時可用 x3 以後）</translation>
    </message>
    <message>
        <source>write the feature {name!r} as {better!r}</source>
        <translation>請把特徵 {name!r} 寫成 {better!r}</translation>
    </message>
    <message>
        <source>the feature {name!r} reads raw column {column}, but the data has {n} raw input column</source>
        <translation>特徵 {name!r} 讀取原始欄 {column}，但資料只有 {n} 個原始輸入欄</translation>
    </message>
    <message>
        <source>the feature {name!r} reads raw column {column}, but the data has {n} raw input columns</source>
        <translation>特徵 {name!r} 讀取原始欄 {column}，但資料只有 {n} 個原始輸入欄</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>starting a new network</source>
        <translation>建立新網路</translation>
    </message>
    <message>
        <source>opening another network</source>
        <translation>開啟另一個網路</translation>
    </message>
    <message>
        <source>Open Network</source>
        <translation>開啟網路</translation>
    </message>
    <message>
        <source>Networks (*.json);;All files (*)</source>
        <translation>網路 (*.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>It was removed from Open Recent.</source>
        <translation>已從「開啟最近的檔案」中移除。</translation>
    </message>
    <message>
        <source>Cannot open network</source>
        <translation>無法開啟網路</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>已開啟 {path}</translation>
    </message>
    <message>
        <source>{path}: cannot open the file ({problem})</source>
        <translation>{path}：無法開啟檔案（{problem}）</translation>
    </message>
    <message>
        <source>importing a model</source>
        <translation>匯入模型</translation>
    </message>
    <message>
        <source>Import ONNX Model</source>
        <translation>匯入 ONNX 模型</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 模型 (*.onnx);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Cannot import the model</source>
        <translation>無法匯入模型</translation>
    </message>
    <message>
        <source>Imported {path}: save it to keep it as a network file.</source>
        <translation>已匯入 {path}：請儲存，才能保留為網路檔案。</translation>
    </message>
    <message>
        <source>PyTorch scripts (*.py)</source>
        <translation>PyTorch 指令稿 (*.py)</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Export PyTorch Script</source>
        <translation>匯出 PyTorch 指令稿</translation>
    </message>
    <message>
        <source>Export ONNX Model</source>
        <translation>匯出 ONNX 模型</translation>
    </message>
    <message>
        <source>cannot write the export</source>
        <translation>無法寫入匯出的檔案</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>無法匯出</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已匯出 {path}</translation>
    </message>
    <message>
        <source>opening an example</source>
        <translation>開啟範例</translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation>無法開啟範例</translation>
    </message>
    <message>
        <source>Opened the example {name}</source>
        <translation>已開啟範例 {name}</translation>
    </message>
    <message>
        <source>Save Network</source>
        <translation>儲存網路</translation>
    </message>
    <message>
        <source>Cannot save network</source>
        <translation>無法儲存網路</translation>
    </message>
    <message>
        <source>{path}: cannot save ({problem})</source>
        <translation>{path}：無法儲存（{problem}）</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已儲存 {path}</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 圖片 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 圖片 (*.svg)</translation>
    </message>
    <message>
        <source>Export {kind}</source>
        <translation>匯出 {kind}</translation>
    </message>
    <message>
        <source>Cannot export image</source>
        <translation>無法匯出圖片</translation>
    </message>
    <message>
        <source>{path} could not be written.</source>
        <translation>無法寫入 {path}。</translation>
    </message>
</context>
<context>
    <name>FormulaPanel</name>
    <message>
        <source>Sample: {sample}</source>
        <translation>樣本：{sample}</translation>
    </message>
</context>
<context>
    <name>ForwardFormulas</name>
    <message>
        <source>{role}, {activation}</source>
        <translation>{role}，{activation}</translation>
    </message>
    <message>
        <source>Forward pass: neuron {neuron}</source>
        <translation>前向傳播：神經元 {neuron}</translation>
    </message>
    <message>
        <source>… ({count} more terms: the canvas shows the largest)</source>
        <translation>…（還有 {count} 項：畫布上標出最大的幾項）</translation>
    </message>
    <message>
        <source>Each incoming connection brings w · y of its source ({sources}); {neuron} adds them to its bias.</source>
        <translation>每條輸入的連接帶來其來源（{sources}）的 w · y；{neuron} 把它們加到自己的偏差上。</translation>
    </message>
    <message>
        <source>{neuron} has no incoming connection: z is its bias alone.</source>
        <translation>{neuron} 沒有輸入的連接：z 就只是它的偏差。</translation>
    </message>
    <message>
        <source>1 · Weighted sum</source>
        <translation>1 · 加權總和</translation>
    </message>
    <message>
        <source>Through the activation ({name}).</source>
        <translation>通過激活函數（{name}）。</translation>
    </message>
    <message>
        <source>2 · Activation</source>
        <translation>2 · 激活函數</translation>
    </message>
    <message>
        <source>Next: ▶ Step computes &lt;b&gt;{neuron}&lt;/b&gt;.</source>
        <translation>下一步：▶ 單步計算 &lt;b&gt;{neuron}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>The forward pass is done. Next: ▶ Step starts the backward pass at &lt;b&gt;{neuron}&lt;/b&gt;.</source>
        <translation>前向傳播完成。下一步：▶ 單步從 &lt;b&gt;{neuron}&lt;/b&gt; 開始反向傳播。</translation>
    </message>
</context>
<context>
    <name>Generators</name>
    <message>
        <source>{name} made numbers too large to compute with from these settings (labels {low} and {high}, noise {noise})</source>
        <translation>{name} 以這些設定產生的數字太大，無法計算（類別標籤 {low} 與 {high}，雜訊 {noise}）</translation>
    </message>
</context>
<context>
    <name>GradientCheckWindow</name>
    <message>
        <source>Gradient Check</source>
        <translation>梯度檢查</translation>
    </message>
    <message>
        <source>A gradient check tests the backward pass: each ∂L/∂w it computes by the chain rule is compared with what nudging that weight a tiny bit up and down does to the loss, and if the two disagree, the gradient code is wrong.</source>
        <translation>梯度檢查用來檢驗反向傳播：把它以鏈鎖律算出的每個 ∂L/∂w，和「把那個權重往上、往下各推一點點時損失怎麼變」相比較；兩者若不一致，就是梯度的程式寫錯了。</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>重新檢查(&amp;A)</translation>
    </message>
    <message>
        <source>On the canvas:</source>
        <translation>畫布上：</translation>
    </message>
    <message>
        <source>within {limit}</source>
        <translation>在 {limit} 以內</translation>
    </message>
    <message>
        <source>above, up to {amber}</source>
        <translation>超過，但不超過 {amber}</translation>
    </message>
    <message>
        <source>above {amber}</source>
        <translation>超過 {amber}</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>未比較</translation>
    </message>
    <message>
        <source>The network has no output neuron, so there is no loss to check.</source>
        <translation>這個網路沒有輸出神經元，所以沒有損失可以檢查。</translation>
    </message>
    <message>
        <source>Nothing to check: {problem}.</source>
        <translation>沒有可檢查的：{problem}。</translation>
    </message>
    <message>
        <source>on {sample}, the one the Backward Pass traces</source>
        <translation>在 {sample} 上，也就是反向傳播面板正在追蹤的樣本</translation>
    </message>
    <message>
        <source>Compared the gradients of {count} of the {total} weights and biases, chosen at random with seed {seed},</source>
        <translation>比較了 {total} 個權重和偏差中 {count} 個的梯度（以種子 {seed} 隨機選出），</translation>
    </message>
    <message>
        <source>Compared the gradients of all weights and biases ({count})</source>
        <translation>比較了所有權重和偏差的梯度（{count} 個）</translation>
    </message>
    <message>
        <source>on seeded random inputs, as the network has no data (samples: {used})</source>
        <translation>使用以種子產生的隨機輸入，因為這個網路沒有資料（樣本數：{used}）</translation>
    </message>
    <message>
        <source>on the training data (samples used: {used} of {total})</source>
        <translation>使用訓練資料（用了 {total} 個樣本中的 {used} 個）</translation>
    </message>
    <message>
        <source>{what} {where}.</source>
        <translation>{what}，{where}。</translation>
    </message>
    <message>
        <source>chain-rule gradient</source>
        <translation>鏈鎖律梯度</translation>
    </message>
    <message>
        <source>finite difference</source>
        <translation>有限差分</translation>
    </message>
    <message>
        <source>Failed: the {part} of {name} is not a finite number (a value overflows with these weights and data).</source>
        <translation>未通過：{name} 的{part}不是有限的數（在這些權重和資料下有數值溢位）。</translation>
    </message>
    <message>
        <source>No gradient could be compared, so there is nothing to fail.</source>
        <translation>沒有任何梯度能比較，所以沒有不通過的項目。</translation>
    </message>
    <message>
        <source>The network has no weights or biases to check.</source>
        <translation>這個網路沒有可檢查的權重或偏差。</translation>
    </message>
    <message>
        <source>Failed: {above} of {count} gradients are off by more than {limit}; the largest error is {error} at {name}.</source>
        <translation>未通過：{count} 個梯度中有 {above} 個誤差超過 {limit}；最大誤差為 {error}，在 {name}。</translation>
    </message>
    <message>
        <source>Passed: every gradient agrees with its finite difference to within {limit}; the largest error is {error} at {name}.</source>
        <translation>通過：每個梯度都和它的有限差分相符，誤差在 {limit} 以內；最大誤差為 {error}，在 {name}。</translation>
    </message>
    <message>
        <source>Not checked.</source>
        <translation>尚未檢查。</translation>
    </message>
    <message>
        <source>The network has changed since this check: press Check Again.</source>
        <translation>網路在這次檢查之後改變了：請按「重新檢查」。</translation>
    </message>
</context>
<context>
    <name>GradientLegend</name>
    <message>
        <source>Forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>w · y into the current neuron, which then shows its z and y</source>
        <translation>送進目前神經元的 w · y，之後它會顯示自己的 z 和 y</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient&lt;/b&gt; &amp;nbsp;{positive_bar} positive &amp;nbsp;{negative_bar} negative &amp;nbsp;· wider = larger |value|&lt;br&gt;{ring} current neuron &amp;nbsp;· pill: its ∂L/∂z once done &amp;nbsp;· faded: not reached yet</source>
        <translation>&lt;b&gt;梯度&lt;/b&gt; &amp;nbsp;{positive_bar} 正 &amp;nbsp;{negative_bar} 負 &amp;nbsp;· 越寬 = |值| 越大&lt;br&gt;{ring} 目前的神經元 &amp;nbsp;· 膠囊標籤：算完後的 ∂L/∂z &amp;nbsp;· 淡色：還沒走到</translation>
    </message>
    <message>
        <source>Zoom in to see the numbers on the canvas; the formula panel shows them all.</source>
        <translation>放大畫布即可看到上面的數字；公式面板列出全部的數字。</translation>
    </message>
</context>
<context>
    <name>GradientTableModel</name>
    <message>
        <source>Weight or bias</source>
        <translation>權重或偏差</translation>
    </message>
    <message>
        <source>Chain rule ∂L/∂w</source>
        <translation>鏈鎖律 ∂L/∂w</translation>
    </message>
    <message>
        <source>Finite difference</source>
        <translation>有限差分</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>相對誤差</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>not compared: each nudge moves a relu, leaky_relu or elu neuron across its kink at z = 0, where the slope jumps</source>
        <translation>未比較：每次微推都會讓某個 relu、leaky_relu 或 elu 神經元越過 z = 0 的折點，斜率在那裡會跳動</translation>
    </message>
    <message>
        <source>not a finite number: a value overflows</source>
        <translation>不是有限的數：數值溢位</translation>
    </message>
    <message>
        <source>above the limit {limit}</source>
        <translation>超過上限 {limit}</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>匯出…</translation>
    </message>
</context>
<context>
    <name>ImportOnnx</name>
    <message>
        <source>leaky_relu has slope 0.01</source>
        <translation>leaky_relu 的斜率是 0.01</translation>
    </message>
    <message>
        <source>elu has alpha 1</source>
        <translation>elu 的 alpha 是 1</translation>
    </message>
    <message>
        <source>the model has {count_inputs} inputs ({names}); a network reads one input tensor of shape (batch, inputs)</source>
        <translation>模型有 {count_inputs} 個輸入（{names}）；網路只讀取一個形狀為 (batch, inputs) 的輸入張量</translation>
    </message>
    <message>
        <source>the model has {count_output} outputs; a network gives one output tensor of shape (batch, outputs)</source>
        <translation>模型有 {count_output} 個輸出；網路只給出一個形狀為 (batch, outputs) 的輸出張量</translation>
    </message>
    <message>
        <source>the output {name!r} is not computed by any node</source>
        <translation>輸出 {name!r} 沒有由任何節點計算</translation>
    </message>
    <message>
        <source>the input {name!r} is not a tensor of float or double numbers</source>
        <translation>輸入 {name!r} 不是 float 或 double 數字的張量</translation>
    </message>
    <message>
        <source>the input {name!r} is not of shape (batch, inputs) with a fixed number of inputs from 1 to {MAX_INPUTS:,}</source>
        <translation>輸入 {name!r} 的形狀不是 (batch, inputs)，或輸入數不是固定的 1 到 {MAX_INPUTS:,}</translation>
    </message>
    <message>
        <source>the constant {name!r} cannot be read</source>
        <translation>無法讀取常數 {name!r}</translation>
    </message>
    <message>
        <source>the constant {name!r} holds NaN or infinity</source>
        <translation>常數 {name!r} 含有 NaN 或無限大</translation>
    </message>
    <message>
        <source>node {name!r}</source>
        <translation>節點 {name!r}</translation>
    </message>
    <message>
        <source>node {number} (output {output!r})</source>
        <translation>第 {number} 個節點（輸出 {output!r}）</translation>
    </message>
    <message>
        <source>{where} is a {op_type} of the domain {domain!r}, which a network file cannot hold</source>
        <translation>{where} 是領域 {domain!r} 的 {op_type}，網路檔案無法表示</translation>
    </message>
    <message>
        <source>{where} is a {op_type}, which a network file cannot hold</source>
        <translation>{where} 是 {op_type}，網路檔案無法表示</translation>
    </message>
    <message>
        <source>{where} ({op_type}) has {count_output} outputs</source>
        <translation>{where}（{op_type}）有 {count_output} 個輸出</translation>
    </message>
    <message>
        <source>{where} reads {name!r}, which nothing before it computes</source>
        <translation>{where} 讀取 {name!r}，但在它之前沒有任何節點計算它</translation>
    </message>
    <message>
        <source>{where} ({op_type}) has inputs of a number or shape it cannot take</source>
        <translation>{where}（{op_type}）的輸入個數或形狀不符</translation>
    </message>
    <message>
        <source>{where} reads a constant where it needs the network&apos;s values</source>
        <translation>{where} 在需要網路計算值的地方讀到常數</translation>
    </message>
    <message>
        <source>the model does not make a network: {error}</source>
        <translation>這個模型無法構成網路：{error}</translation>
    </message>
    <message>
        <source>{where} ({op}) needs a constant {what}</source>
        <translation>{where}（{op}）需要常數的{what}</translation>
    </message>
    <message>
        <source>{where} ({op}) has a constant that is not a number</source>
        <translation>{where}（{op}）有一個不是數字的常數</translation>
    </message>
    <message>
        <source>{where} ({op}) has a constant of shape {shape} that differs from sample to sample</source>
        <translation>{where}（{op}）有形狀為 {shape} 的常數，會隨樣本不同而改變</translation>
    </message>
    <message>
        <source>{where} ({op}) has a constant of {size} values for {width} columns</source>
        <translation>{where}（{op}）的常數有 {size} 個值，但欄位有 {width} 個</translation>
    </message>
    <message>
        <source>weight matrix on the right</source>
        <translation>右側權重矩陣</translation>
    </message>
    <message>
        <source>{where} (MatMul) multiplies {count_units} columns by a matrix of shape {shape}</source>
        <translation>{where}（MatMul）把 {count_units} 個欄位乘上形狀為 {shape} 的矩陣</translation>
    </message>
    <message>
        <source>{where} is a Gemm with transA, which mixes samples</source>
        <translation>{where} 是帶 transA 的 Gemm，會混合不同樣本</translation>
    </message>
    <message>
        <source>weight matrix B</source>
        <translation>權重矩陣 B</translation>
    </message>
    <message>
        <source>{where} (Gemm) has a B of shape {shape}</source>
        <translation>{where}（Gemm）的 B 形狀為 {shape}</translation>
    </message>
    <message>
        <source>bias C</source>
        <translation>偏差 C</translation>
    </message>
    <message>
        <source>{where} (Add) adds {width} columns to {width2} columns</source>
        <translation>{where}（Add）把 {width} 個欄位加到 {width2} 個欄位上</translation>
    </message>
    <message>
        <source>{where} is a Mul of two computed values that is not x·sigmoid(x), which a network file cannot hold</source>
        <translation>{where} 是兩個計算值相乘的 Mul，但不是 x·sigmoid(x)，網路檔案無法表示</translation>
    </message>
    <message>
        <source>{where} is max(z, {factor:g}·z), a leaky ReLU of slope {factor:g}; a network file&apos;s leaky_relu has slope 0.01</source>
        <translation>{where} 是 max(z, {factor:g}·z)，斜率為 {factor:g} 的 leaky ReLU；網路檔案的 leaky_relu 斜率是 0.01</translation>
    </message>
    <message>
        <source>{where} is a Max that is not max(z, 0.01·z), which a network file cannot hold</source>
        <translation>{where} 是 Max，但不是 max(z, 0.01·z)，網路檔案無法表示</translation>
    </message>
    <message>
        <source>{where} is a {op} with alpha {alpha:g}; a network file&apos;s {rule}</source>
        <translation>{where} 是 alpha 為 {alpha:g} 的 {op}；網路檔案的 {rule}</translation>
    </message>
    <message>
        <source>{where} is a Concat along axis {value}; a network joins columns only (axis 1)</source>
        <translation>{where} 是沿軸 {value} 的 Concat；網路只能合併欄位（軸 1）</translation>
    </message>
    <message>
        <source>{where} (Concat) joins a constant to the network&apos;s values</source>
        <translation>{where}（Concat）把常數接到網路的計算值上</translation>
    </message>
    <message>
        <source>{where} ({op}) picks columns of a constant</source>
        <translation>{where}（{op}）從常數中選取欄位</translation>
    </message>
    <message>
        <source>list of columns</source>
        <translation>欄位清單</translation>
    </message>
    <message>
        <source>{where} is a Gather that does not pick a list of columns (axis 1)</source>
        <translation>{where} 是 Gather，但不是選取一串欄位（軸 1）</translation>
    </message>
    <message>
        <source>{where} (Gather) picks columns of a constant</source>
        <translation>{where}（Gather）從常數中選取欄位</translation>
    </message>
    <message>
        <source>{where} (Gather) picks a column past the {width} there are</source>
        <translation>{where}（Gather）選取的欄位超出現有的 {width} 個</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>邊界</translation>
    </message>
    <message>
        <source>{where} (Slice) needs constant starts and ends</source>
        <translation>{where}（Slice）的起點與終點必須是常數</translation>
    </message>
    <message>
        <source>{where} (Slice) cuts the batch, not columns</source>
        <translation>{where}（Slice）切的是批次，而不是欄位</translation>
    </message>
    <message>
        <source>{where} is a Constant without a tensor value</source>
        <translation>{where} 是沒有張量值的 Constant</translation>
    </message>
</context>
<context>
    <name>Initialisation</name>
    <message>
        <source>a weight needs a fan-in of at least 1 and a fan-out of at least 0, not {fan_in} and {fan_out}</source>
        <translation>權重需要至少 1 的扇入與至少 0 的扇出，而不是 {fan_in} 與 {fan_out}</translation>
    </message>
    <message>
        <source>a bias must be a finite number, not {value!r}</source>
        <translation>偏差必須是有限的數字，而不是 {value!r}</translation>
    </message>
    <message>
        <source>{scheme!r} is not an initialisation; choose one of {choices}</source>
        <translation>{scheme!r} 不是初始化方式；請從 {choices} 中選一個</translation>
    </message>
    <message>
        <source>the weight range needs two finite numbers, low below high, not [{low}, {high}]</source>
        <translation>權重範圍需要兩個有限的數字，下限小於上限，而不是 [{low}, {high}]</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Select a neuron or a connection
to see and edit it here.</source>
        <translation>選取一個神經元或連接，
就能在這裡檢視並編輯它。</translation>
    </message>
    <message>
        <source>none (the id is shown)</source>
        <translation>無（顯示 id）</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Id：</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>標籤：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Activation:</source>
        <translation>激活函數：</translation>
    </message>
    <message>
        <source>Bias:</source>
        <translation>偏差：</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>連接：</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>權重：</translation>
    </message>
    <message>
        <source>(mixed)</source>
        <translation>（不一）</translation>
    </message>
    <message>
        <source>Activation, all:</source>
        <translation>全部的激活函數：</translation>
    </message>
    <message>
        <source>Bias, all:</source>
        <translation>全部的偏差：</translation>
    </message>
    <message>
        <source>inputs have no bias</source>
        <translation>輸入沒有偏差</translation>
    </message>
    <message>
        <source>{n} neurons selected</source>
        <translation>已選取 {n} 個神經元</translation>
    </message>
    <message>
        <source> ({n} inputs, which have no activation or bias)</source>
        <translation>（其中 {n} 個是輸入，沒有激活函數或偏差）</translation>
    </message>
    <message>
        <source>, and {n} connections</source>
        <translation>，以及 {n} 個連接</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>未變更：{reason}</translation>
    </message>
    <message>
        <source>{text} is not a number; nothing changed.</source>
        <translation>{text} 不是數字；沒有任何變更。</translation>
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
    <name>LayeredNetworkDialog</name>
    <message>
        <source>By fan-in (Glorot / He)</source>
        <translation>依扇入（Glorot / He）</translation>
    </message>
    <message>
        <source>Uniform in [−0.5, 0.5]</source>
        <translation>在 [−0.5, 0.5] 內均勻分布</translation>
    </message>
    <message>
        <source>New Layered Network</source>
        <translation>新增分層網路</translation>
    </message>
    <message>
        <source>inputs-hidden-…-outputs, e.g. 2-4-4-1</source>
        <translation>輸入-隱藏-…-輸出，例如 2-4-4-1</translation>
    </message>
    <message>
        <source>Layer sizes:</source>
        <translation>各層大小：</translation>
    </message>
    <message>
        <source>Hidden activation:</source>
        <translation>隱藏層激活函數：</translation>
    </message>
    <message>
        <source>Output activation:</source>
        <translation>輸出層激活函數：</translation>
    </message>
    <message>
        <source>Initial weights:</source>
        <translation>初始權重：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>種子：</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>{text!r} needs at least two layer sizes, the inputs and the outputs, such as 2-4-1</source>
        <translation>{text!r} 至少需要兩個層的大小（輸入與輸出），例如 2-4-1</translation>
    </message>
    <message>
        <source>{part!r} in {text!r} is not a layer size (a whole number ≥ 1)</source>
        <translation>{text!r} 中的 {part!r} 不是層的大小（≥ 1 的整數）</translation>
    </message>
    <message>
        <source>{text!r} has {n} neurons; the limit is {most}</source>
        <translation>{text!r} 有 {n} 個神經元；上限是 {most}</translation>
    </message>
    <message>
        <source>a layered network needs at least an input and an output layer</source>
        <translation>分層網路至少需要一個輸入層和一個輸出層</translation>
    </message>
</context>
<context>
    <name>LearningRateControl</name>
    <message>
        <source>Learning rate η: how far each SGD step moves the weights (0.00001 to 10, log scale). Too small learns slowly; too large makes the loss jump or become infinite.</source>
        <translation>學習率 η：每一步 SGD 移動權重的幅度（0.00001 到 10，對數刻度）。太小學得慢；太大會讓損失跳動或變成無限大。</translation>
    </message>
</context>
<context>
    <name>LossName</name>
    <message>
        <source>squared error</source>
        <translation>平方誤差</translation>
    </message>
    <message>
        <source>binary cross entropy</source>
        <translation>二元交叉熵</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Loss after each epoch. Drag to pan, wheel to zoom; Auto-range brings the whole run back into view.</source>
        <translation>每個世代結束後的損失。拖曳可平移，滾輪可縮放；「自動範圍」會把整段訓練重新放回視野中。</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>世代</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>accuracy %</source>
        <translation>準確率 %</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>對數刻度</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic scale, where slow late progress is visible (the accuracy stays in %)</source>
        <translation>以對數刻度顯示損失，後期緩慢的進展也看得見（準確率仍以 % 顯示）</translation>
    </message>
    <message>
        <source>Auto-range</source>
        <translation>自動範圍</translation>
    </message>
    <message>
        <source>Fit the whole run into view again and follow it as it grows</source>
        <translation>重新顯示整段訓練，並隨著它增長持續跟隨</translation>
    </message>
    <message>
        <source>The numbers of the epoch under the mouse, else of the latest epoch</source>
        <translation>滑鼠所指世代的數值，否則為最新世代的數值</translation>
    </message>
    <message>
        <source>Solid: measured on the training data; dashed or dotted: on the test data</source>
        <translation>實線：在訓練資料上量測；虛線或點線：在測試資料上量測</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>━ train ┈ test accuracy (right axis)</source>
        <translation>━ 訓練 ┈ 測試準確率（右軸）</translation>
    </message>
    <message>
        <source>━ train accuracy (right axis)</source>
        <translation>━ 訓練準確率（右軸）</translation>
    </message>
    <message>
        <source>Epochs 1–{last} merged in buckets of {width}: their mean, in a band from the smallest to the largest value.</source>
        <translation>世代 1–{last} 已每 {width} 個併成一組：顯示各組的平均值，外圍的色帶從最小值到最大值。</translation>
    </message>
    <message>
        <source>No epochs trained yet.</source>
        <translation>尚未訓練任何世代。</translation>
    </message>
    <message>
        <source>epochs {first}–{last} (merged: their mean)</source>
        <translation>世代 {first}–{last}（已合併：平均值）</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>世代 {epoch}</translation>
    </message>
    <message>
        <source>{epoch} (latest)</source>
        <translation>{epoch}（最新）</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>訓練損失</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>測試損失</translation>
    </message>
    <message>
        <source>accuracy {train} / {test} (train / test)</source>
        <translation>準確率 {train} / {test}（訓練 / 測試）</translation>
    </message>
    <message>
        <source>accuracy {train}</source>
        <translation>準確率 {train}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inspector</source>
        <translation>檢視器</translation>
    </message>
    <message>
        <source>{name}{where}[*] — NN Playground</source>
        <translation>{name}{where}[*] — NN Playground</translation>
    </message>
    <message>
        <source>{neurons} neurons · {connections} connections</source>
        <translation>{neurons} 個神經元 · {connections} 個連接</translation>
    </message>
    <message>
        <source>Copied {n} neurons.</source>
        <translation>已複製 {n} 個神經元。</translation>
    </message>
    <message>
        <source>Select neurons to copy.</source>
        <translation>請先選取要複製的神經元。</translation>
    </message>
    <message>
        <source>Nothing pasted: {reason}</source>
        <translation>沒有貼上任何東西：{reason}</translation>
    </message>
    <message>
        <source>Pasted {ids}.</source>
        <translation>已貼上 {ids}。</translation>
    </message>
    <message>
        <source>creating a new network</source>
        <translation>建立新網路</translation>
    </message>
    <message>
        <source>Randomize Weights</source>
        <translation>隨機設定權重</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>種子：</translation>
    </message>
    <message>
        <source>New connections get weights by {scheme}.</source>
        <translation>新的連接將以 {scheme} 取得權重。</translation>
    </message>
    <message>
        <source>quitting</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>&amp;Import ONNX Model…</source>
        <translation>匯入 ONNX 模型(&amp;I)…</translation>
    </message>
    <message>
        <source>Open a feed-forward ONNX model as a new, unsaved network</source>
        <translation>把前饋式 ONNX 模型開啟為一個尚未儲存的新網路</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存新檔(&amp;A)…</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>匯出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;PNG Image…</source>
        <translation>PNG 圖片(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;SVG Image…</source>
        <translation>SVG 圖片(&amp;S)…</translation>
    </message>
    <message>
        <source>P&amp;yTorch Script…</source>
        <translation>PyTorch 指令稿(&amp;Y)…</translation>
    </message>
    <message>
        <source>A standalone Python file that trains this network with torch</source>
        <translation>一個獨立的 Python 檔案，用 torch 訓練這個網路</translation>
    </message>
    <message>
        <source>&amp;ONNX Model…</source>
        <translation>ONNX 模型(&amp;O)…</translation>
    </message>
    <message>
        <source>The network as a model onnxruntime and other tools run</source>
        <translation>把網路存成 onnxruntime 等工具能執行的模型</translation>
    </message>
    <message>
        <source>Import ONNX Model (needs the onnx extra)</source>
        <translation>匯入 ONNX 模型（需要安裝 onnx 附加套件）</translation>
    </message>
    <message>
        <source>ONNX Model (needs the onnx extra)</source>
        <translation>ONNX 模型（需要安裝 onnx 附加套件）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪下(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼上(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全選(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit Network</source>
        <translation>顯示整個網路(&amp;F)</translation>
    </message>
    <message>
        <source>Show &amp;Weight Labels</source>
        <translation>顯示權重標示(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Neuron Output Pictures</source>
        <translation>神經元輸出圖(&amp;N)</translation>
    </message>
    <message>
        <source>Beside each neuron, a picture of its output over the two inputs&apos; plane (networks with two inputs)</source>
        <translation>在每個神經元旁，畫出它的輸出在兩個輸入所構成平面上的圖（限有兩個輸入的網路）</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>網路(&amp;N)</translation>
    </message>
    <message>
        <source>New &amp;Layered Network…</source>
        <translation>新增分層網路(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Connect Selected Fully</source>
        <translation>完全連接所選神經元(&amp;C)</translation>
    </message>
    <message>
        <source>Connect each column of the selection to every selected neuron in the next column</source>
        <translation>把所選神經元的每一欄連接到下一欄的每個所選神經元</translation>
    </message>
    <message>
        <source>&amp;Auto-Arrange</source>
        <translation>自動排列(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Randomize Weights…</source>
        <translation>隨機設定權重(&amp;R)…</translation>
    </message>
    <message>
        <source>Set All Weights to &amp;Zero</source>
        <translation>所有權重設為零(&amp;Z)</translation>
    </message>
    <message>
        <source>New Weights &amp;By</source>
        <translation>新權重的初始化方式(&amp;B)</translation>
    </message>
    <message>
        <source>Check &amp;Gradients…</source>
        <translation>檢查梯度(&amp;G)…</translation>
    </message>
    <message>
        <source>Compare every gradient of the backward pass with a finite difference, as playground check does</source>
        <translation>把反向傳播的每個梯度和有限差分相比較，和 playground check 所做的一樣</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>內容(&amp;P)…</translation>
    </message>
    <message>
        <source>The network&apos;s name (shown in the title) and description, saved with it</source>
        <translation>網路的名稱（顯示在標題列）和說明，會一併儲存</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>使用手冊(&amp;U)</translation>
    </message>
    <message>
        <source>Drawing, stepping the backward pass, training, data and files, with pictures</source>
        <translation>繪製網路、單步執行反向傳播、訓練、資料與檔案，附圖說明</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>鍵盤快速鍵(&amp;K)…</translation>
    </message>
    <message>
        <source>Every command&apos;s keys and the canvas&apos;s mouse gestures, in one table</source>
        <translation>所有指令的按鍵和畫布上的滑鼠操作，整理成一張表</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>關於(&amp;A)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>選取</translation>
    </message>
    <message>
        <source>Add Neuron</source>
        <translation>新增神經元</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>連接</translation>
    </message>
    <message>
        <source>Role of the neurons the Add Neuron tool places</source>
        <translation>「新增神經元」工具放置的神經元角色</translation>
    </message>
    <message>
        <source>Input neuron</source>
        <translation>輸入神經元</translation>
    </message>
    <message>
        <source>Hidden neuron</source>
        <translation>隱藏神經元</translation>
    </message>
    <message>
        <source>Output neuron</source>
        <translation>輸出神經元</translation>
    </message>
    <message>
        <source>Fit Network</source>
        <translation>顯示整個網路</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除清單</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新增(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Example</source>
        <translation>開啟範例(&amp;E)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>開啟最近的檔案(&amp;R)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
</context>
<context>
    <name>MeanFormulas</name>
    <message>
        <source>Mean gradients of the minibatch</source>
        <translation>小批次的平均梯度</translation>
    </message>
    <message>
        <source>SGD averages each gradient over the minibatch’s {count} samples: ∂&lt;i&gt;L&lt;/i&gt;/∂&lt;i&gt;w&lt;/i&gt; = (∂&lt;i&gt;L&lt;/i&gt;&lt;sub&gt;1&lt;/sub&gt;/∂&lt;i&gt;w&lt;/i&gt; + … + ∂&lt;i&gt;L&lt;/i&gt;&lt;sub&gt;{count}&lt;/sub&gt;/∂&lt;i&gt;w&lt;/i&gt;) / {count}, and the same for each bias.</source>
        <translation>SGD 把每個梯度對小批次的 {count} 個樣本取平均：∂&lt;i&gt;L&lt;/i&gt;/∂&lt;i&gt;w&lt;/i&gt; = (∂&lt;i&gt;L&lt;/i&gt;&lt;sub&gt;1&lt;/sub&gt;/∂&lt;i&gt;w&lt;/i&gt; + … + ∂&lt;i&gt;L&lt;/i&gt;&lt;sub&gt;{count}&lt;/sub&gt;/∂&lt;i&gt;w&lt;/i&gt;) / {count}，每個偏差也一樣。</translation>
    </message>
    <message>
        <source>The minibatch’s loss, the mean of the samples’ losses: {equation}</source>
        <translation>小批次的損失，即各樣本損失的平均：{equation}</translation>
    </message>
    <message>
        <source>▶ Step shows the SGD update from these means.</source>
        <translation>▶ 單步顯示由這些平均值算出的 SGD 更新。</translation>
    </message>
    <message>
        <source>mean over the {count} samples</source>
        <translation>{count} 個樣本的平均</translation>
    </message>
    <message>
        <source>… and {hidden} more weights and biases: the HTML export and &lt;tt&gt;playground trace --samples&lt;/tt&gt; list them all.</source>
        <translation>…還有 {hidden} 個權重與偏差：HTML 匯出與 &lt;tt&gt;playground trace --samples&lt;/tt&gt; 會全部列出。</translation>
    </message>
    <message>
        <source>{name}, sample {number}</source>
        <translation>{name}，樣本 {number}</translation>
    </message>
</context>
<context>
    <name>Minibatch</name>
    <message>
        <source>a minibatch needs at least one sample, each with its targets</source>
        <translation>小批次至少需要一個樣本，而且每個樣本都要有目標值</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>a weight</source>
        <translation>權重</translation>
    </message>
    <message>
        <source>a bias</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>a position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>a network needs a name; it may not be empty or only spaces</source>
        <translation>網路需要名稱；名稱不可為空白或只有空格</translation>
    </message>
    <message>
        <source>a network&apos;s name is one line, without tabs or other control characters</source>
        <translation>網路名稱只能有一行，不可含 Tab 或其他控制字元</translation>
    </message>
    <message>
        <source>a network&apos;s name may be at most {n} characters long</source>
        <translation>網路名稱最多 {n} 個字元</translation>
    </message>
    <message>
        <source>{what} must be a finite number, not {value!r}</source>
        <translation>{what}必須是有限的數字，而不是 {value!r}</translation>
    </message>
    <message>
        <source>{what} must be a finite number, not a whole number too large for a float</source>
        <translation>{what}必須是有限的數字，而不是大到浮點數無法表示的整數</translation>
    </message>
    <message>
        <source>there is no neuron {id!r}</source>
        <translation>沒有神經元 {id!r}</translation>
    </message>
    <message>
        <source>there is no connection {source} → {target}</source>
        <translation>沒有連接 {source} → {target}</translation>
    </message>
    <message>
        <source>{id} is an input neuron; inputs have no activation</source>
        <translation>{id} 是輸入神經元；輸入沒有激活函數</translation>
    </message>
    <message>
        <source>{id} has incoming connections; an input neuron cannot have any</source>
        <translation>{id} 有連入的連接；輸入神經元不能有任何連入的連接</translation>
    </message>
    <message>
        <source>a neuron needs a non-empty id</source>
        <translation>神經元需要非空白的 id</translation>
    </message>
    <message>
        <source>the connections make a cycle: {cycle}</source>
        <translation>這些連接會形成循環：{cycle}</translation>
    </message>
    <message>
        <source>a neuron cannot connect to itself ({source} → {target})</source>
        <translation>神經元不能連接到自己（{source} → {target}）</translation>
    </message>
    <message>
        <source>{id} is an input neuron; nothing can connect into an input</source>
        <translation>{id} 是輸入神經元；任何連接都不能連入輸入</translation>
    </message>
    <message>
        <source>{id} is an input neuron; inputs have no bias</source>
        <translation>{id} 是輸入神經元；輸入沒有偏差</translation>
    </message>
    <message>
        <source>{id} is an input neuron; inputs have no activation or bias</source>
        <translation>{id} 是輸入神經元；輸入沒有激活函數，也沒有偏差</translation>
    </message>
    <message>
        <source>binary cross-entropy needs sigmoid output neurons (its ln y and ln(1 − y) exist only for 0 &lt; y &lt; 1), but {id} is {activation}</source>
        <translation>二元交叉熵需要 sigmoid 輸出神經元（它的 ln y 與 ln(1 − y) 只在 0 &lt; y &lt; 1 時存在），但 {id} 是 {activation}</translation>
    </message>
    <message>
        <source>{value!r} is not one of {choices}</source>
        <translation>{value!r} 不是 {choices} 其中之一</translation>
    </message>
    <message>
        <source>the connection {source} → {target} exists already</source>
        <translation>連接 {source} → {target} 已經存在</translation>
    </message>
    <message>
        <source>connecting {source} → {target} would make a cycle: {cycle}</source>
        <translation>連接 {source} → {target} 會形成循環：{cycle}</translation>
    </message>
    <message>
        <source>there is already a neuron with id {id!r}</source>
        <translation>已經有 id 為 {id!r} 的神經元</translation>
    </message>
</context>
<context>
    <name>NetworkActions</name>
    <message>
        <source>Select neurons in at least two columns: each column connects to the next.</source>
        <translation>請選取至少兩欄的神經元：每一欄會連接到下一欄。</translation>
    </message>
    <message>
        <source>No connection added: every pair was connected already or not allowed.</source>
        <translation>沒有新增連接：每一對都已經連接，或是不允許連接。</translation>
    </message>
    <message>
        <source>Added {n} connections.</source>
        <translation>已新增 {n} 個連接。</translation>
    </message>
    <message>
        <source>Arranged in columns by topological level.</source>
        <translation>已依拓撲層級排成欄。</translation>
    </message>
    <message>
        <source>Randomize Weights (seed {seed})</source>
        <translation>隨機設定權重（種子 {seed}）</translation>
    </message>
    <message>
        <source>Randomized {n} weights with seed {seed} ({scheme}).</source>
        <translation>已用種子 {seed} 隨機設定 {n} 個權重（{scheme}）。</translation>
    </message>
    <message>
        <source>Set All Weights to Zero</source>
        <translation>所有權重設為零</translation>
    </message>
    <message>
        <source>Every weight is now 0.</source>
        <translation>所有權重現在都是 0。</translation>
    </message>
</context>
<context>
    <name>NetworkDocument</name>
    <message>
        <source>{n} feature</source>
        <translation>{n} 個特徵</translation>
    </message>
    <message>
        <source>{n} features</source>
        <translation>{n} 個特徵</translation>
    </message>
    <message>
        <source>{n} input neuron</source>
        <translation>{n} 個輸入神經元</translation>
    </message>
    <message>
        <source>{n} input neurons</source>
        <translation>{n} 個輸入神經元</translation>
    </message>
    <message>
        <source>{n} output neuron</source>
        <translation>{n} 個輸出神經元</translation>
    </message>
    <message>
        <source>{n} output neurons</source>
        <translation>{n} 個輸出神經元</translation>
    </message>
    <message>
        <source>{n} value</source>
        <translation>{n} 個值</translation>
    </message>
    <message>
        <source>{n} values</source>
        <translation>{n} 個值</translation>
    </message>
    <message>
        <source>{n} input</source>
        <translation>{n} 個輸入</translation>
    </message>
    <message>
        <source>{n} inputs</source>
        <translation>{n} 個輸入</translation>
    </message>
    <message>
        <source>{n} output</source>
        <translation>{n} 個輸出</translation>
    </message>
    <message>
        <source>{n} outputs</source>
        <translation>{n} 個輸出</translation>
    </message>
    <message>
        <source>input</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>raw input</source>
        <translation>原始輸入</translation>
    </message>
    <message>
        <source>output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>a JSON object</source>
        <translation>JSON 物件</translation>
    </message>
    <message>
        <source>no format field</source>
        <translation>沒有 format 欄位</translation>
    </message>
    <message>
        <source>expected {format!r}, found {found}; this is not an NN Playground network file</source>
        <translation>應為 {format!r}，卻是{found}；這不是 NN Playground 的網路檔案</translation>
    </message>
    <message>
        <source>; it was written by a newer NN Playground</source>
        <translation>；它是由較新版的 NN Playground 寫成的</translation>
    </message>
    <message>
        <source>the file is format version {found}; this app reads version {read}</source>
        <translation>檔案格式為第 {found} 版；本程式讀取第 {read} 版</translation>
    </message>
    <message>
        <source>{value} is not a finite number; a network file holds only finite numbers</source>
        <translation>{value} 不是有限的數字；網路檔案只存放有限的數字</translation>
    </message>
    <message>
        <source>expected true or false, found {found}</source>
        <translation>應為 true 或 false，卻是{found}</translation>
    </message>
    <message>
        <source>{rule}; found {found}</source>
        <translation>{rule}；卻是{found}</translation>
    </message>
    <message>
        <source>give either a generator or train/test tables, not both</source>
        <translation>請提供產生器或 train/test 表格其中之一，不可兩者都給</translation>
    </message>
    <message>
        <source>needs either &apos;train&apos; (and optionally &apos;test&apos;) or &apos;generator&apos;</source>
        <translation>需要 &apos;train&apos;（可另加 &apos;test&apos;）或 &apos;generator&apos; 其中之一</translation>
    </message>
    <message>
        <source>lists {features} but the network has {inputs}: one feature per input neuron, in file order</source>
        <translation>列出 {features}，但網路有 {inputs}：每個輸入神經元一個特徵，依檔案順序</translation>
    </message>
    <message>
        <source>x has {x} rows but y has {y}; each sample needs one row of each</source>
        <translation>x 有 {x} 列，但 y 有 {y} 列；每個樣本在兩者中各需一列</translation>
    </message>
    <message>
        <source>a row (a list of numbers)</source>
        <translation>一列（一串數字）</translation>
    </message>
    <message>
        <source>has {values}, but the first row of data has {width}: with features, every row holds the same raw input columns</source>
        <translation>有 {values}，但資料的第一列有 {width} 個：使用特徵時，每一列的原始輸入欄都相同</translation>
    </message>
    <message>
        <source>the rows before it have {width}</source>
        <translation>之前的列有 {width} 個</translation>
    </message>
    <message>
        <source>the network has {width}</source>
        <translation>網路有 {width} 個</translation>
    </message>
    <message>
        <source>there are no {role} neurons</source>
        <translation>沒有{role}神經元</translation>
    </message>
    <message>
        <source>has {values}, but {before}: one per {role} neuron ({neurons}), in file order</source>
        <translation>有 {values}，但{before}：每個{role}神經元一個（{neurons}），依檔案順序</translation>
    </message>
    <message>
        <source>{name} makes rows of {inputs} and {outputs}, but the network has {input_neurons} and {output_neurons}</source>
        <translation>{name} 產生的每列有 {inputs}與 {outputs}，但網路有 {input_neurons}與 {output_neurons}</translation>
    </message>
    <message>
        <source>this number is too large (beyond ±1.8e308)</source>
        <translation>這個數字太大（超過 ±1.8e308）</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>物件</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字串</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>串列</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>數字</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整數</translation>
    </message>
    <message>
        <source>expected {wanted}, found {found}</source>
        <translation>應為{wanted}，卻是{found}</translation>
    </message>
    <message>
        <source>this required field is missing</source>
        <translation>缺少這個必要欄位</translation>
    </message>
    <message>
        <source>the number {value}</source>
        <translation>數字 {value}</translation>
    </message>
    <message>
        <source>a huge whole number</source>
        <translation>極大的整數</translation>
    </message>
    <message>
        <source>the text {text!r}</source>
        <translation>文字 {text!r}</translation>
    </message>
    <message>
        <source>a value of type {type}</source>
        <translation>型別為 {type} 的值</translation>
    </message>
</context>
<context>
    <name>NetworkFile</name>
    <message>
        <source>cannot write the export</source>
        <translation>無法寫入匯出檔案</translation>
    </message>
    <message>
        <source>cannot write the loss plot</source>
        <translation>無法寫入損失圖</translation>
    </message>
    <message>
        <source>cannot save</source>
        <translation>無法儲存</translation>
    </message>
    <message>
        <source>the file is empty; a network file is a JSON object</source>
        <translation>檔案是空的；網路檔案是一個 JSON 物件</translation>
    </message>
    <message>
        <source>line {line}, column {column}: not valid JSON ({why})</source>
        <translation>第 {line} 行第 {column} 欄：不是有效的 JSON（{why}）</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply for a network file</source>
        <translation>JSON 的巢狀層數太深，不可能是網路檔案</translation>
    </message>
    <message>
        <source>a number in the file has too many digits</source>
        <translation>檔案中有個數字的位數太多</translation>
    </message>
    <message>
        <source>the field {name} appears more than once; each field may appear only once</source>
        <translation>欄位 {name} 出現了不只一次；每個欄位只能出現一次</translation>
    </message>
    <message>
        <source>the file is {size} MiB; a network file may be at most {most} MiB</source>
        <translation>檔案大小為 {size} MiB；網路檔案最多 {most} MiB</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>沒有這個檔案</translation>
    </message>
    <message>
        <source>this is a folder, not a network file</source>
        <translation>這是資料夾，不是網路檔案</translation>
    </message>
    <message>
        <source>cannot read the file ({why})</source>
        <translation>無法讀取檔案（{why}）</translation>
    </message>
    <message>
        <source>the file is over {most} MiB, the most a network file may be</source>
        <translation>檔案超過網路檔案的上限 {most} MiB</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>具名管道（FIFO）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>裝置</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>非一般檔案</translation>
    </message>
    <message>
        <source>this is {kind}, not a network file</source>
        <translation>這是{kind}，不是網路檔案</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 圖片</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 圖片</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 圖片</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 檔案</translation>
    </message>
    <message>
        <source>a ZIP archive (or a document packed as one)</source>
        <translation>ZIP 壓縮檔（或以 ZIP 封裝的檔案）</translation>
    </message>
    <message>
        <source>a binary file</source>
        <translation>二進位檔案</translation>
    </message>
    <message>
        <source>line {line}, column {column}: the file is not UTF-8 text (byte {byte} cannot start or continue a UTF-8 character)</source>
        <translation>第 {line} 行第 {column} 欄：檔案不是 UTF-8 文字（位元組 {byte} 不能作為 UTF-8 字元的開頭或後續）</translation>
    </message>
    <message>
        <source>this is {kind}, not a network file (a network file is JSON text)</source>
        <translation>這是{kind}，不是網路檔案（網路檔案是 JSON 文字）</translation>
    </message>
    <message>
        <source>the field name {name} holds half of a UTF-16 surrogate pair, which is not a character</source>
        <translation>欄位名稱 {name} 含有半個 UTF-16 代理對，那不是字元</translation>
    </message>
    <message>
        <source>the text {text} holds half of a UTF-16 surrogate pair, which is not a character</source>
        <translation>文字 {text} 含有半個 UTF-16 代理對，那不是字元</translation>
    </message>
    <message>
        <source>nested too deeply (more than {most} levels of lists and objects); a network file is never nested that deeply</source>
        <translation>巢狀太深（串列與物件超過 {most} 層）；網路檔案從不會有這麼深的巢狀</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>權限不足</translation>
    </message>
    <message>
        <source>the data is nested too deeply</source>
        <translation>資料的巢狀太深</translation>
    </message>
    <message>
        <source>a text holds half of a UTF-16 surrogate pair, which is not a character</source>
        <translation>有段文字含有半個 UTF-16 代理對，那不是字元</translation>
    </message>
    <message>
        <source>no file name was given</source>
        <translation>沒有提供檔案名稱</translation>
    </message>
    <message>
        <source>the name ends in a slash, so it names a folder, not a file</source>
        <translation>名稱以斜線結尾，所以指的是資料夾，不是檔案</translation>
    </message>
    <message>
        <source>cannot look at the file ({why})</source>
        <translation>無法查看檔案（{why}）</translation>
    </message>
    <message>
        <source>this is a folder</source>
        <translation>這是資料夾</translation>
    </message>
    <message>
        <source>this is {kind}, not a file that can be replaced</source>
        <translation>這是{kind}，不是可以取代的檔案</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>檔案是唯讀的</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>資料夾 {folder} 不存在</translation>
    </message>
    <message>
        <source>cannot write in the folder {folder} ({why})</source>
        <translation>無法寫入資料夾 {folder}（{why}）</translation>
    </message>
</context>
<context>
    <name>NetworkPropertiesDialog</name>
    <message>
        <source>Network Properties</source>
        <translation>網路內容</translation>
    </message>
    <message>
        <source>Shown in the window title and saved in the file; not the file&apos;s name</source>
        <translation>顯示在視窗標題列並儲存在檔案中；不是檔案名稱</translation>
    </message>
    <message>
        <source>What the network is for, where its numbers come from…</source>
        <translation>這個網路的用途、它的數字從何而來…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>說明(&amp;D)：</translation>
    </message>
    <message>
        <source>The name cannot be used: {reason}.</source>
        <translation>無法使用這個名稱：{reason}。</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Connection cancelled.</source>
        <translation>已取消連接。</translation>
    </message>
    <message>
        <source>Nothing selected to delete.</source>
        <translation>沒有選取要刪除的東西。</translation>
    </message>
    <message>
        <source>{step}.</source>
        <translation>{step}。</translation>
    </message>
    <message>
        <source>Added {role} neuron {id}.</source>
        <translation>已新增{role}神經元 {id}。</translation>
    </message>
    <message>
        <source>{text} is not a number; the weight is unchanged.</source>
        <translation>{text} 不是數字；權重未變更。</translation>
    </message>
    <message>
        <source>Weight unchanged: {reason}</source>
        <translation>權重未變更：{reason}</translation>
    </message>
</context>
<context>
    <name>NeuronFormulas</name>
    <message>
        <source>… {count} more terms …</source>
        <translation>…還有 {count} 項…</translation>
    </message>
    <message>
        <source>since {z_j} = {z} {side} {kink}</source>
        <translation>因為 {z_j} = {z} {side} {kink}</translation>
    </message>
    <message>
        <source>Neuron {j}</source>
        <translation>神經元 {j}</translation>
    </message>
    <message>
        <source>forward pass: {z} = {z_value}, {y} = {y_value}</source>
        <translation>前向傳播：{z} = {z_value}，{y} = {y_value}</translation>
    </message>
    <message>
        <source>{role}, {activation}</source>
        <translation>{role}，{activation}</translation>
    </message>
    <message>
        <source>1 · Gather ∂L/∂y</source>
        <translation>1 · 收集 ∂L/∂y</translation>
    </message>
    <message>
        <source>{j} feeds no other neuron and is not an output, so the loss does not depend on it.</source>
        <translation>{j} 沒有送往任何神經元，也不是輸出，所以損失與它無關。</translation>
    </message>
    <message>
        <source>Each ∂L/∂z there is already known: the backward pass reached those later neurons first.</source>
        <translation>式中的每個 ∂L/∂z 都已由後面的神經元算出：反向傳播先走過了它們。</translation>
    </message>
    <message>
        <source>Why a sum? By the multivariable chain rule every path from {z} to L counts, one per outgoing connection.</source>
        <translation>為什麼是加總？多變數鏈鎖律：從 {z} 到 L 的每一條路徑都要算進來，每條往後的連接就是一條路徑。</translation>
    </message>
    <message>
        <source>{what} {known} {paths}</source>
        <translation>{what}{known}{paths}</translation>
    </message>
    <message>
        <source>{j} is an output that also feeds {fed}: the loss’s derivative plus each w · ∂L/∂z coming back.</source>
        <translation>{j} 是輸出神經元，也送往 {fed}：損失函數的導數，加上每個傳回來的 w · ∂L/∂z。</translation>
    </message>
    <message>
        <source>{j} feeds {fed}; each sends back w · ∂L/∂z, and {j} adds them up.</source>
        <translation>{j} 送往 {fed}；它們各自傳回 w · ∂L/∂z，{j} 把這些加起來。</translation>
    </message>
    <message>
        <source>{j} is an output: the gradient starts at the loss, whose derivative needs only {y} and the target.</source>
        <translation>{j} 是輸出神經元：梯度從損失函數開始，它的導數只需要 {y} 和目標值。</translation>
    </message>
    <message>
        <source>Back through the activation ({name}): multiply by its slope at {z} = {value}. The slope is cheap: {z} and {y} were already computed in the forward pass.</source>
        <translation>反向穿過激活函數（{name}）：乘上它在 {z} = {value} 處的斜率。這個斜率算起來很省事：前向傳播時已算出 {z} 和 {y}，直接拿來用即可。</translation>
    </message>
    <message>
        <source>2 · Through the activation</source>
        <translation>2 · 穿過激活函數</translation>
    </message>
    <message>
        <source>… and {count} more weights’ gradients, each worked the same way: the HTML export (Backward ▸ Export Trace as HTML…) and &lt;tt&gt;playground trace&lt;/tt&gt; list them all.</source>
        <translation>…還有 {count} 個權重的梯度，算法相同：HTML 匯出（反向傳播 ▸ 將追蹤匯出為 HTML…）與 &lt;tt&gt;playground trace&lt;/tt&gt; 會全部列出。</translation>
    </message>
    <message>
        <source>The weights’ gradients come as a byproduct: each is what came in along it ({y_i}, from the forward pass) times {dz}, just found; the bias’s is {dz} itself.</source>
        <translation>權重的梯度是順便得到的：每個權重的梯度，就是沿著它送進來的值（{y_i}，前向傳播時已算出）乘上剛算出的 {dz}；偏差的梯度就是 {dz} 本身。</translation>
    </message>
    <message>
        <source>{j} has no incoming connection: only its bias has a gradient.</source>
        <translation>{j} 沒有輸入的連接：只有它的偏差有梯度。</translation>
    </message>
    <message>
        <source>3 · Weight and bias gradients</source>
        <translation>3 · 權重與偏差的梯度</translation>
    </message>
</context>
<context>
    <name>NeuronItem</name>
    <message>
        <source>
activation {activation}
bias {bias}</source>
        <translation>
激活函數 {activation}
偏差 {bias}</translation>
    </message>
</context>
<context>
    <name>NeuronPictures</name>
    <message>
        <source>No output picture: pictures are drawn for networks with exactly two inputs; this one has {inputs}.</source>
        <translation>沒有輸出圖：只有恰好兩個輸入的網路才會畫圖；這個網路有 {inputs} 個。</translation>
    </message>
</context>
<context>
    <name>NeuronRole</name>
    <message>
        <source>input</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隱藏</translation>
    </message>
    <message>
        <source>output</source>
        <translation>輸出</translation>
    </message>
</context>
<context>
    <name>OutputToggles</name>
    <message>
        <source>Discretize output</source>
        <translation>離散化輸出</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>顯示測試資料</translation>
    </message>
    <message>
        <source>Draw the test points (hollow) as well as the training points (filled)</source>
        <translation>除了訓練資料點（實心）之外，也畫出測試資料點（空心）</translation>
    </message>
    <message>
        <source>Colour each place by the class the network gives it (above or below the middle of the colour scale) instead of a gradient</source>
        <translation>依網路給出的類別（高於或低於色階中點）為每個位置上色，而非漸層</translation>
    </message>
    <message>
        <source>Only a heatmap (a network of two inputs) can be discretized</source>
        <translation>只有熱圖（兩個輸入的網路）可以離散化</translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <source>showing {shown} of {total} points</source>
        <translation>顯示 {total} 個資料點中的 {shown} 個</translation>
    </message>
    <message>
        <source>The network&apos;s output over the inputs&apos; range: filled dots are training points, hollow ones test points. Hover a neuron on the canvas to see its own output here.</source>
        <translation>網路在輸入範圍上的輸出：實心點是訓練資料點，空心點是測試資料點。將滑鼠停在畫布上的神經元上，即可在此看到它自己的輸出。</translation>
    </message>
    <message>
        <source>Which output neuron to draw</source>
        <translation>要畫出哪一個輸出神經元</translation>
    </message>
    <message>
        <source>The network has no output neuron yet, so there is no output to draw.</source>
        <translation>網路還沒有輸出神經元，沒有輸出可畫。</translation>
    </message>
    <message>
        <source>The output view draws networks with one or two input neurons; this one has {inputs}.</source>
        <translation>輸出檢視只能畫出有一或兩個輸入神經元的網路；這個網路有 {inputs} 個。</translation>
    </message>
    <message>
        <source>output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>colour: orange below {middle}, blue from {middle}</source>
        <translation>顏色：低於 {middle} 為橘色，{middle} 以上為藍色</translation>
    </message>
    <message>
        <source>colour: orange {low} → blue {high}</source>
        <translation>顏色：橘 {low} → 藍 {high}</translation>
    </message>
    <message>
        <source>line: the network&apos;s output; dots: the data</source>
        <translation>線：網路的輸出；點：資料</translation>
    </message>
    <message>
        <source>Neuron {name} (hovered)</source>
        <translation>神經元 {name}（滑鼠所指）</translation>
    </message>
    <message>
        <source>Output {name}</source>
        <translation>輸出 {name}</translation>
    </message>
    <message>
        <source>● train ○ test</source>
        <translation>● 訓練 ○ 測試</translation>
    </message>
    <message>
        <source>● train</source>
        <translation>● 訓練</translation>
    </message>
</context>
<context>
    <name>Piecewise</name>
    <message>
        <source>{above} if {z} &gt; {kink}, else {below}</source>
        <translation>若 {z} &gt; {kink} 則為 {above}，否則為 {below}</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Plot Options</source>
        <translation>圖表選項</translation>
    </message>
</context>
<context>
    <name>PracticeBox</name>
    <message>
        <source>Your prediction</source>
        <translation>你的預測</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>檢查</translation>
    </message>
    <message>
        <source>Check your prediction and show the worked formula</source>
        <translation>檢查你的預測，並顯示計算過程</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Show the formula with its numbers, not the result</source>
        <translation>顯示代入數字的公式，但不顯示結果</translation>
    </message>
</context>
<context>
    <name>PracticeMode</name>
    <message>
        <source>Practice: Predict, Then &amp;Reveal</source>
        <translation>練習模式：先預測再揭曉(&amp;R)</translation>
    </message>
    <message>
        <source>Before each value is shown, type your prediction; then check it</source>
        <translation>每個數值顯示之前，先輸入你的預測，再檢查是否正確</translation>
    </message>
    <message>
        <source>Nothing to predict at this step.</source>
        <translation>這一步沒有需要預測的數值。</translation>
    </message>
    <message>
        <source>What is {symbol}?</source>
        <translation>{symbol} 是多少？</translation>
    </message>
    <message>
        <source>What is {symbol} after the update?</source>
        <translation>更新之後 {symbol} 是多少？</translation>
    </message>
    <message>
        <source>What is the mean {symbol} over the minibatch?</source>
        <translation>{symbol} 在小批次上的平均是多少？</translation>
    </message>
    <message>
        <source>{part} of {count}:</source>
        <translation>第 {part} 題，共 {count} 題：</translation>
    </message>
    <message>
        <source>Right: {answer}</source>
        <translation>答對了：{answer}</translation>
    </message>
    <message>
        <source>Hint: {formula}</source>
        <translation>提示：{formula}</translation>
    </message>
    <message>
        <source>Not quite: {answer}, not {typed}</source>
        <translation>答錯了：{answer}，不是 {typed}</translation>
    </message>
    <message>
        <source>Type a number, such as 0.25, −1.5 or 2.5e−3, without thousands separators.</source>
        <translation>請輸入一個數字，例如 0.25、−1.5 或 2.5e−3，不要加千分位分隔符號。</translation>
    </message>
    <message>
        <source>Score: {right} of {count} right</source>
        <translation>分數：{count} 題答對 {right} 題</translation>
    </message>
    <message>
        <source> · {skipped} skipped</source>
        <translation> · 略過 {skipped} 題</translation>
    </message>
</context>
<context>
    <name>PresetNumberBox</name>
    <message>
        <source>{text!r} is not a number.</source>
        <translation>「{text}」不是數字。</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>“{name}” has unsaved changes.
Save them before {doing}?</source>
        <translation>「{name}」有尚未儲存的變更。
要在{doing}之前儲存嗎？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>尚未儲存的變更</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>today at {time}</source>
        <translation>於今天 {time}</translation>
    </message>
    <message>
        <source>yesterday at {time}</source>
        <translation>於昨天 {time}</translation>
    </message>
    <message>
        <source>on {date} at {time}</source>
        <translation>於 {date} {time}</translation>
    </message>
    <message>
        <source>there is no folder for the app&apos;s data on this system</source>
        <translation>這個系統上沒有存放應用程式資料的資料夾</translation>
    </message>
    <message>
        <source>cannot make the folder {folder} ({reason})</source>
        <translation>無法建立資料夾 {folder}（{reason}）</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Restored the unsaved changes to “{name}”.</source>
        <translation>已復原「{name}」尚未儲存的變更。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>救回尚未儲存的工作</translation>
    </message>
    <message>
        <source>Restore your unsaved changes to “{name}”?</source>
        <translation>要救回「{name}」尚未儲存的變更嗎？</translation>
    </message>
    <message>
        <source>NN Playground closed before you saved them. The last copy was kept {when}.</source>
        <translation>NN Playground 在您儲存之前就關閉了。最後一份副本保存{when}。</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>檔案：{path}</translation>
    </message>
    <message>
        <source>Never saved to a file.</source>
        <translation>從未儲存成檔案。</translation>
    </message>
    <message>
        <source>Your unsaved changes to “{name}” cannot be restored</source>
        <translation>無法救回「{name}」尚未儲存的變更</translation>
    </message>
    <message>
        <source>A copy of unsaved changes cannot be restored</source>
        <translation>無法救回一份尚未儲存的變更副本</translation>
    </message>
    <message>
        <source>The copy kept {when} cannot be read: {reason}</source>
        <translation>保存{when}的副本無法讀取：{reason}</translation>
    </message>
    <message>
        <source>Later keeps the copy and asks again at the next start.</source>
        <translation>選「稍後」會保留副本，下次啟動時再詢問。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>救回(&amp;R)</translation>
    </message>
    <message>
        <source>Open the changes as an unsaved network</source>
        <translation>把這些變更開啟為尚未儲存的網路</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>捨棄(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the copy for good</source>
        <translation>永久刪除這份副本</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍後(&amp;L)</translation>
    </message>
    <message>
        <source>Keep the copy and ask again next time</source>
        <translation>保留副本，下次再詢問</translation>
    </message>
</context>
<context>
    <name>RecoveryWriter</name>
    <message>
        <source>Your changes cannot be kept safe against a crash until you save: {reason}</source>
        <translation>在您儲存之前，變更無法防範當機而保存：{reason}</translation>
    </message>
</context>
<context>
    <name>RefusalTip</name>
    <message>
        <source>Cannot connect: {reason}</source>
        <translation>無法連接：{reason}</translation>
    </message>
</context>
<context>
    <name>RoleWords</name>
    <message>
        <source>input</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隱藏</translation>
    </message>
    <message>
        <source>output</source>
        <translation>輸出</translation>
    </message>
</context>
<context>
    <name>RunLimits</name>
    <message>
        <source>Train {n} epoch</source>
        <translation>訓練 {n} 個世代</translation>
    </message>
    <message>
        <source>Train {n} epochs</source>
        <translation>訓練 {n} 個世代</translation>
    </message>
    <message>
        <source>Train {n} batch</source>
        <translation>訓練 {n} 個批次</translation>
    </message>
    <message>
        <source>Train {n} batches</source>
        <translation>訓練 {n} 個批次</translation>
    </message>
    <message>
        <source>{problem} Training paused with the last finite weights.</source>
        <translation>{problem}訓練已暫停，保留最後一組有限的權重。</translation>
    </message>
    <message>
        <source>Stopped at epoch {epoch}: the train loss {loss} is below {below}.</source>
        <translation>已在世代 {epoch} 停止：訓練損失 {loss} 低於 {below}。</translation>
    </message>
    <message>
        <source>Stopped after {run} epochs, at epoch {epoch}.</source>
        <translation>訓練 {run} 個世代後停止，目前在世代 {epoch}。</translation>
    </message>
    <message>
        <source>Stepped to the end of epoch {epoch}.</source>
        <translation>已單步到世代 {epoch} 結束。</translation>
    </message>
    <message>
        <source>Trained one minibatch, the last of epoch {epoch}.</source>
        <translation>已訓練一個小批次，即世代 {epoch} 的最後一個。</translation>
    </message>
    <message>
        <source>Trained one minibatch: {done} of {of} in epoch {epoch}.</source>
        <translation>已訓練一個小批次：世代 {epoch} 的第 {done} 個，共 {of} 個。</translation>
    </message>
    <message>
        <source>Paused at epoch {epoch}.</source>
        <translation>已在世代 {epoch} 暫停。</translation>
    </message>
</context>
<context>
    <name>SampleChoice</name>
    <message>
        <source>the network has no output neuron, so there is no loss to trace</source>
        <translation>網路沒有輸出神經元，所以沒有損失可以追蹤</translation>
    </message>
    <message>
        <source>the network has no train data; type a sample by hand</source>
        <translation>網路沒有訓練資料；請手動輸入一個樣本</translation>
    </message>
    <message>
        <source>the network has no test data; type a sample by hand</source>
        <translation>網路沒有測試資料；請手動輸入一個樣本</translation>
    </message>
    <message>
        <source>there is no train sample {number}; the train data has {count}</source>
        <translation>沒有訓練樣本 {number}；訓練資料只有 {count} 個</translation>
    </message>
    <message>
        <source>there is no test sample {number}; the test data has {count}</source>
        <translation>沒有測試樣本 {number}；測試資料只有 {count} 個</translation>
    </message>
    <message>
        <source>the data has {columns} input and {targets} target column(s); the network has {inputs} input and {outputs} output neuron(s)</source>
        <translation>資料有 {columns} 個輸入欄與 {targets} 個目標值欄；網路有 {inputs} 個輸入神經元與 {outputs} 個輸出神經元</translation>
    </message>
    <message>
        <source>a sample typed by hand</source>
        <translation>手動輸入的樣本</translation>
    </message>
    <message>
        <source>a minibatch of {count} train samples ({rows})</source>
        <translation>{count} 個訓練樣本的小批次（{rows}）</translation>
    </message>
    <message>
        <source>a minibatch of {count} test samples ({rows})</source>
        <translation>{count} 個測試樣本的小批次（{rows}）</translation>
    </message>
    <message>
        <source>train sample {number} of {count}</source>
        <translation>訓練樣本 {number}／{count}</translation>
    </message>
    <message>
        <source>test sample {number} of {count}</source>
        <translation>測試樣本 {number}／{count}</translation>
    </message>
    <message>
        <source>{text} is an empty range; its end is left out, so try {start}:{end}</source>
        <translation>{text} 是空的範圍；範圍不含結尾，請試試 {start}:{end}</translation>
    </message>
    <message>
        <source>type sample numbers such as 1,3,5 or a range such as 1:4</source>
        <translation>請輸入樣本編號，例如 1,3,5，或範圍，例如 1:4</translation>
    </message>
    <message>
        <source>there is no sample {row}; the data has {count}</source>
        <translation>沒有第 {row} 個樣本；資料只有 {count} 個</translation>
    </message>
</context>
<context>
    <name>SamplePicker</name>
    <message>
        <source>Training data</source>
        <translation>訓練資料</translation>
    </message>
    <message>
        <source>Test data</source>
        <translation>測試資料</translation>
    </message>
    <message>
        <source>Typed by hand</source>
        <translation>手動輸入</translation>
    </message>
    <message>
        <source>Trace a row of the network&apos;s data, or type a sample in</source>
        <translation>追蹤網路資料中的一列，或自行輸入一個樣本</translation>
    </message>
    <message>
        <source>Which sample of the data (also: click a row below)</source>
        <translation>資料中的哪個樣本（也可點選下方的一列）</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>樣本</translation>
    </message>
    <message>
        <source>e.g. 1,3,5 or 1:4 — empty: one sample</source>
        <translation>例如 1,3,5 或 1:4；空白：單一樣本</translation>
    </message>
    <message>
        <source>Minibatch</source>
        <translation>小批次</translation>
    </message>
    <message>
        <source>Next training batch</source>
        <translation>下一個訓練批次</translation>
    </message>
    <message>
        <source>Fill in the rows the next SGD step of training will take: the training settings&apos; batch size and seed, from where training has got to (the first batch of a fresh run if it has not started)</source>
        <translation>填入訓練的下一個 SGD 步驟會取用的資料列：依訓練設定的批次大小與種子，從訓練目前進行到的位置算起（若尚未開始訓練，則是全新訓練的第一個批次）</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>／{count}</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>目標值</translation>
    </message>
    <message>
        <source>{text!r} is not a list such as 1,3,5 or a range such as 1:4</source>
        <translation>{text!r} 不是像 1,3,5 的清單，也不是像 1:4 的範圍</translation>
    </message>
    <message>
        <source>No training batch to show: {problem}.</source>
        <translation>沒有可顯示的訓練批次：{problem}。</translation>
    </message>
    <message>
        <source>Trace several samples as one minibatch, the way SGD uses it: each sample&apos;s passes, then the mean gradients, then one update. Samples count from 1; in a range A:B, B is left out (1:4 is samples 1, 2 and 3).</source>
        <translation>把幾個樣本當成一個小批次來追蹤，就像 SGD 的做法：先是每個樣本的前向與反向傳播，接著是平均梯度，最後做一次更新。樣本從 1 開始編號；範圍 A:B 不含 B（1:4 是樣本 1、2、3）。</translation>
    </message>
    <message>
        <source>{text!r} is not a number</source>
        <translation>{text!r} 不是數字</translation>
    </message>
</context>
<context>
    <name>SampleTableModel</name>
    <message>
        <source>raw {name}</source>
        <translation>原始 {name}</translation>
    </message>
</context>
<context>
    <name>SetLossCommand</name>
    <message>
        <source>Set Loss to {loss}</source>
        <translation>將損失函數設為 {loss}</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Connect, from any tool</source>
        <translation>連接（任何工具下皆可）</translation>
    </message>
    <message>
        <source>Shift+drag</source>
        <translation>Shift+拖曳</translation>
    </message>
    <message>
        <source>Edit a connection&apos;s weight or a neuron&apos;s label</source>
        <translation>編輯連接的權重或神經元的標籤</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>按兩下</translation>
    </message>
    <message>
        <source>Select several, or add to the selection</source>
        <translation>選取多個，或加入選取範圍</translation>
    </message>
    <message>
        <source>Ctrl+click, drag a box</source>
        <translation>Ctrl+按一下、拖曳出方框</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>縮放</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>滾輪</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Middle drag, Space+drag</source>
        <translation>中鍵拖曳、空白鍵+拖曳</translation>
    </message>
    <message>
        <source>Step the backward pass while it is on screen</source>
        <translation>反向傳播顯示時，單步執行</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空白鍵</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>畫布</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
</context>
<context>
    <name>StepLabel</name>
    <message>
        <source>gather ∂L/∂y</source>
        <translation>收集 ∂L/∂y</translation>
    </message>
    <message>
        <source>∂L/∂w and ∂L/∂b</source>
        <translation>∂L/∂w 與 ∂L/∂b</translation>
    </message>
    <message>
        <source>forward pass — step 0 of {total}</source>
        <translation>前向傳播：第 0／{total} 步</translation>
    </message>
    <message>
        <source>step {number} of {total}: SGD update</source>
        <translation>第 {number}／{total} 步：SGD 更新</translation>
    </message>
    <message>
        <source>step {number} of {total}: SGD update applied</source>
        <translation>第 {number}／{total} 步：已套用 SGD 更新</translation>
    </message>
    <message>
        <source>step {number} of {total}: neuron {neuron}</source>
        <translation>第 {number}／{total} 步：神經元 {neuron}</translation>
    </message>
    <message>
        <source> — part {part} of 3: {name}</source>
        <translation>，第 {part}／3 部分：{name}</translation>
    </message>
    <message>
        <source>step {number} of {total}: forward, neuron {neuron}</source>
        <translation>第 {number}／{total} 步：前向，神經元 {neuron}</translation>
    </message>
    <message>
        <source>step {number} of {total}: backward, neuron {neuron}</source>
        <translation>第 {number}／{total} 步：反向，神經元 {neuron}</translation>
    </message>
    <message>
        <source>step {number} of {total}</source>
        <translation>第 {number}／{total} 步</translation>
    </message>
    <message>
        <source>mean gradients</source>
        <translation>平均梯度</translation>
    </message>
    <message>
        <source>SGD update</source>
        <translation>SGD 更新</translation>
    </message>
    <message>
        <source>SGD update applied</source>
        <translation>已套用 SGD 更新</translation>
    </message>
    <message>
        <source>minibatch of {count}</source>
        <translation>{count} 個樣本的小批次</translation>
    </message>
    <message>
        <source>sample {number} of {count}</source>
        <translation>樣本 {number}／{count}</translation>
    </message>
    <message>
        <source>forward pass</source>
        <translation>前向傳播</translation>
    </message>
    <message>
        <source>forward, neuron {neuron}</source>
        <translation>前向，神經元 {neuron}</translation>
    </message>
    <message>
        <source>backward, neuron {neuron}</source>
        <translation>反向，神經元 {neuron}</translation>
    </message>
</context>
<context>
    <name>SummaryFormulas</name>
    <message>
        <source>Show {count} more rows</source>
        <translation>再顯示 {count} 列</translation>
    </message>
    <message>
        <source>neuron</source>
        <translation>神經元</translation>
    </message>
    <message>
        <source>target t</source>
        <translation>目標值 t</translation>
    </message>
    <message>
        <source>Next: ▶ Step (→ or Space) starts the backward pass at &lt;b&gt;{neuron}&lt;/b&gt;.</source>
        <translation>下一步：▶ 單步（→ 或空白鍵）從 &lt;b&gt;{neuron}&lt;/b&gt; 開始反向傳播。</translation>
    </message>
    <message>
        <source>Forward pass</source>
        <translation>前向傳播</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不變</translation>
    </message>
    <message>
        <source>The network now has the new weights and biases. ◀ Back or Edit ▸ Undo takes them back.</source>
        <translation>網路現在已是新的權重與偏差。◀ 上一步或「編輯 ▸ 復原」可以還原。</translation>
    </message>
    <message>
        <source>The network now has the new weights; its biases stayed fixed. ◀ Back or Edit ▸ Undo takes them back.</source>
        <translation>網路現在已是新的權重；偏差保持固定。◀ 上一步或「編輯 ▸ 復原」可以還原。</translation>
    </message>
    <message>
        <source>SGD update applied</source>
        <translation>已套用 SGD 更新</translation>
    </message>
    <message>
        <source>One step of gradient descent from the minibatch: each weight and bias moves against its mean gradient over the {count} samples.</source>
        <translation>由小批次做一步梯度下降：每個權重與偏差都朝它在 {count} 個樣本上的平均梯度的反方向移動。</translation>
    </message>
    <message>
        <source>One step of gradient descent from the minibatch: each weight moves against its mean gradient over the {count} samples; the biases stay fixed.</source>
        <translation>由小批次做一步梯度下降：每個權重都朝它在 {count} 個樣本上的平均梯度的反方向移動；偏差保持固定。</translation>
    </message>
    <message>
        <source>One step of gradient descent from this sample alone: each weight and bias moves against its gradient.</source>
        <translation>只由這個樣本做一步梯度下降：每個權重與偏差都朝它的梯度的反方向移動。</translation>
    </message>
    <message>
        <source>One step of gradient descent from this sample alone: each weight moves against its gradient; the biases stay fixed.</source>
        <translation>只由這個樣本做一步梯度下降：每個權重都朝它的梯度的反方向移動；偏差保持固定。</translation>
    </message>
    <message>
        <source>SGD update</source>
        <translation>SGD 更新</translation>
    </message>
    <message>
        <source>The biases stay as they are: &lt;b&gt;Update biases&lt;/b&gt; is off in the training settings (the file’s &lt;tt&gt;update_biases: false&lt;/tt&gt;), as in Matt Mazur’s worked 2-2-2 example, so only the weights move.</source>
        <translation>偏差維持不變：訓練設定中的&lt;b&gt;更新偏差&lt;/b&gt;已關閉（檔案中的 &lt;tt&gt;update_biases: false&lt;/tt&gt;），和 Matt Mazur 的 2-2-2 計算範例一樣，所以只有權重會變動。</translation>
    </message>
    <message>
        <source>Momentum {momentum} adds nothing to a first step: the velocity starts at 0.</source>
        <translation>動量 {momentum} 對第一步沒有影響：速度從 0 開始。</translation>
    </message>
    <message>
        <source>▶ Step or &lt;b&gt;Apply update&lt;/b&gt; writes these values into the network (one undo step) and shows the sample’s new loss.</source>
        <translation>▶ 單步或&lt;b&gt;套用更新&lt;/b&gt;會把這些值寫入網路（可一次復原），並顯示這個樣本的新損失。</translation>
    </message>
    <message>
        <source>before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>− η × gradient</source>
        <translation>− η × 梯度</translation>
    </message>
    <message>
        <source>after</source>
        <translation>之後</translation>
    </message>
    <message>
        <source>… and {count} more weights and biases: the HTML export (Backward ▸ Export Trace as HTML…) and &lt;tt&gt;playground trace&lt;/tt&gt; list them all.</source>
        <translation>…還有 {count} 個權重與偏差：HTML 匯出（反向傳播 ▸ 將追蹤匯出為 HTML…）與 &lt;tt&gt;playground trace&lt;/tt&gt; 會全部列出。</translation>
    </message>
    <message>
        <source>kept fixed</source>
        <translation>保持固定</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>降低</translation>
    </message>
    <message>
        <source>higher</source>
        <translation>升高</translation>
    </message>
    <message>
        <source>The minibatch’s mean loss:</source>
        <translation>小批次的平均損失：</translation>
    </message>
    <message>
        <source>This sample’s loss:</source>
        <translation>這個樣本的損失：</translation>
    </message>
    <message>
        <source>L before</source>
        <translation>之前的 L</translation>
    </message>
    <message>
        <source>L after</source>
        <translation>之後的 L</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>Select: click or drag a box to select, Ctrl+click to add; drag neurons to move; Delete removes. Shift+drag from a neuron connects.</source>
        <translation>選取：按一下或拖曳出方框來選取，Ctrl+按一下可加選；拖曳神經元可移動；Delete 鍵刪除。從神經元 Shift+拖曳可連接。</translation>
    </message>
    <message>
        <source>Add neuron: click on empty canvas to place a {role} neuron.</source>
        <translation>新增神經元：在畫布空白處按一下，放置一個{role}神經元。</translation>
    </message>
    <message>
        <source>Connect: drag from one neuron to another. Green: allowed; red: refused, with the reason beside the cursor.</source>
        <translation>連接：從一個神經元拖曳到另一個。綠色：允許；紅色：拒絕，原因顯示在游標旁。</translation>
    </message>
    <message>
        <source>Connect {id} → … drop on a neuron</source>
        <translation>連接 {id} → … 放到一個神經元上</translation>
    </message>
    <message>
        <source>Connect {id} → … drop on another neuron</source>
        <translation>連接 {id} → … 放到另一個神經元上</translation>
    </message>
    <message>
        <source>Cannot connect: {reason}</source>
        <translation>無法連接：{reason}</translation>
    </message>
    <message>
        <source>Release to connect {source} → {target}</source>
        <translation>放開以連接 {source} → {target}</translation>
    </message>
    <message>
        <source>No connection: the drag did not end on a neuron.</source>
        <translation>沒有連接：拖曳沒有停在神經元上。</translation>
    </message>
    <message>
        <source>Not connected: {reason}</source>
        <translation>未連接：{reason}</translation>
    </message>
    <message>
        <source>Connected {source} → {target} with weight {weight}</source>
        <translation>已連接 {source} → {target}，權重 {weight}</translation>
    </message>
</context>
<context>
    <name>TraceCommand</name>
    <message>
        <source>the sample given by --x and --y</source>
        <translation>以 --x 與 --y 指定的樣本</translation>
    </message>
    <message>
        <source>{file}: the network has no data; give a sample with --x and --y</source>
        <translation>{file}：這個網路沒有資料；請用 --x 與 --y 給一個樣本</translation>
    </message>
    <message>
        <source>{file}: the test data is empty; choose the other --split or give --x and --y</source>
        <translation>{file}：測試資料是空的；請選另一個 --split，或用 --x 與 --y 給一個樣本</translation>
    </message>
    <message>
        <source>{file}: the train data is empty; choose the other --split or give --x and --y</source>
        <translation>{file}：訓練資料是空的；請選另一個 --split，或用 --x 與 --y 給一個樣本</translation>
    </message>
    <message>
        <source>{file}: there is no test sample {sample}; the test data has {count}, numbered 0 to {last}</source>
        <translation>{file}：沒有測試樣本 {sample}；測試資料有 {count} 個，編號 0 到 {last}</translation>
    </message>
    <message>
        <source>{file}: there is no train sample {sample}; the train data has {count}, numbered 0 to {last}</source>
        <translation>{file}：沒有訓練樣本 {sample}；訓練資料有 {count} 個，編號 0 到 {last}</translation>
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
        <source>{file}: the network has no data to take --samples from</source>
        <translation>{file}：這個網路沒有資料，--samples 無從取樣</translation>
    </message>
    <message>
        <source>{file}: the test data is empty; choose the other --split</source>
        <translation>{file}：測試資料是空的；請選另一個 --split</translation>
    </message>
    <message>
        <source>{file}: the train data is empty; choose the other --split</source>
        <translation>{file}：訓練資料是空的；請選另一個 --split</translation>
    </message>
    <message>
        <source>{file}: --samples {listed} includes test sample {outside}, but the test data has {count} samples, numbered 0 to {last}</source>
        <translation>{file}：--samples {listed} 包含測試樣本 {outside}，但測試資料只有 {count} 個樣本，編號 0 到 {last}</translation>
    </message>
    <message>
        <source>{file}: --samples {listed} includes train sample {outside}, but the train data has {count} samples, numbered 0 to {last}</source>
        <translation>{file}：--samples {listed} 包含訓練樣本 {outside}，但訓練資料只有 {count} 個樣本，編號 0 到 {last}</translation>
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
        <source>{option} gives {given} input value(s), but the network in {file} has {count} input neuron(s)</source>
        <translation>{option} 給了 {given} 個輸入值，但 {file} 裡的網路有 {count} 個輸入神經元</translation>
    </message>
    <message>
        <source>{option} gives {given} target value(s), but the network in {file} has {count} output neuron(s)</source>
        <translation>{option} 給了 {given} 個目標值，但 {file} 裡的網路有 {count} 個輸出神經元</translation>
    </message>
    <message>
        <source> ({shown}): give one value for each</source>
        <translation>（{shown}）：請每個各給一個值</translation>
    </message>
    <message>
        <source>{file}: the SGD update of {name} cannot be taken: its gradient {gradient} is {value}, because the values overflow with this sample and these weights</source>
        <translation>{file}：無法對 {name} 做 SGD 更新：它的梯度 {gradient} 是 {value}，因為用這個樣本和這些權重時數值溢位</translation>
    </message>
    <message>
        <source>{file}: the SGD update of {name} overflows: {step} is {value}; the step is too large (lower the learning rate)</source>
        <translation>{file}：{name} 的 SGD 更新溢位：{step} 是 {value}；這一步太大了（請降低學習率）</translation>
    </message>
    <message>
        <source>not a number (NaN)</source>
        <translation>非數值（NaN）</translation>
    </message>
    <message>
        <source>Trace of {sample} through “{network}”</source>
        <translation>追蹤「{network}」：{sample}</translation>
    </message>
    <message>
        <source>--samples takes its samples from the file&apos;s data, while --x and --y give one sample by hand: use one or the other</source>
        <translation>--samples 從檔案的資料取樣本，而 --x 與 --y 是手動給一個樣本：請只用其中一種</translation>
    </message>
    <message>
        <source>--samples takes its samples from the file&apos;s data, while {option} gives one sample by hand: use one or the other</source>
        <translation>--samples 從檔案的資料取樣本，而 {option} 是手動給一個樣本：請只用其中一種</translation>
    </message>
    <message>
        <source>{file}: the trace holds an infinite or NaN number, which JSON cannot carry; the text form shows where</source>
        <translation>{file}：追蹤結果含有無限大或 NaN，JSON 無法表示；文字格式會顯示出在哪裡</translation>
    </message>
</context>
<context>
    <name>TraceDescriber</name>
    <message>
        <source>∂L/∂y_{j} from the loss</source>
        <translation>來自損失函數的 ∂L/∂y_{j}</translation>
    </message>
</context>
<context>
    <name>TraceExport</name>
    <message>
        <source>there is no trace to export</source>
        <translation>沒有可匯出的追蹤</translation>
    </message>
    <message>
        <source>Forward and backward pass of {sample} through “{network}”</source>
        <translation>{sample}通過「{network}」的前向與反向傳播</translation>
    </message>
    <message>
        <source>Backward pass of {sample} through “{network}”</source>
        <translation>{sample}通過「{network}」的反向傳播</translation>
    </message>
    <message>
        <source>the network</source>
        <translation>網路</translation>
    </message>
    <message>
        <source>the canvas at {step}</source>
        <translation>{step}的畫布</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the HTML page&apos;s language code</comment>
        <translation>zh-Hant-TW</translation>
    </message>
    <message>
        <source>Hover a number to see all its digits.</source>
        <translation>將滑鼠移到數字上，可看到它的所有位數。</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>無法寫入 {path}</translation>
    </message>
</context>
<context>
    <name>TraceSession</name>
    <message>
        <source>no trace</source>
        <translation>沒有追蹤</translation>
    </message>
    <message>
        <source>The network changed, so the trace started again.</source>
        <translation>網路已變更，所以追蹤重新開始。</translation>
    </message>
    <message>
        <source>SGD Step on {sample}</source>
        <translation>對{sample}做 SGD 更新</translation>
    </message>
    <message>
        <source>The update could not be applied: {problem}</source>
        <translation>無法套用更新：{problem}</translation>
    </message>
    <message>
        <source>Nothing to trace: {problem}.</source>
        <translation>沒有可追蹤的內容：{problem}。</translation>
    </message>
    <message>
        <source>Another network is open, so the trace started again.</source>
        <translation>已開啟另一個網路，所以追蹤重新開始。</translation>
    </message>
</context>
<context>
    <name>TraceText</name>
    <message>
        <source>every bias stays fixed: update_biases is false in the file&apos;s training settings, as in Mazur&apos;s worked 2-2-2 example, so only the weights move</source>
        <translation>所有偏差保持固定：檔案的訓練設定中 update_biases 為 false，和 Mazur 的 2-2-2 計算範例一樣，所以只有權重會變動</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>平方誤差</translation>
    </message>
    <message>
        <source>binary cross entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>input</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隱藏</translation>
    </message>
    <message>
        <source>output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>{role}, {activation}</source>
        <translation>{role}，{activation}</translation>
    </message>
    <message>
        <source>FORWARD PASS</source>
        <translation>前向傳播</translation>
    </message>
    <message>
        <source>LOSS</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>BACKWARD PASS    one neuron at a time, each after every neuron it feeds</source>
        <translation>反向傳播    一次一個神經元，每個都在它所送往的神經元全部算完之後</translation>
    </message>
    <message>
        <source>{j} feeds no other neuron and is not an output, so the loss does not depend on it</source>
        <translation>{j} 沒有送往任何神經元，也不是輸出，所以損失與它無關</translation>
    </message>
    <message>
        <source>b unchanged</source>
        <translation>b 不變</translation>
    </message>
    <message>
        <source>SGD UPDATE</source>
        <translation>SGD 更新</translation>
    </message>
    <message>
        <source>momentum {momentum} adds nothing to a first step: the velocity starts at 0</source>
        <translation>動量 {momentum} 對第一步沒有影響：速度從 0 開始</translation>
    </message>
    <message>
        <source>unchanged; its ∂L/∂b = {gradient} is not used</source>
        <translation>不變；它的 ∂L/∂b = {gradient} 不會用到</translation>
    </message>
    <message>
        <source>LOSS AFTER THE UPDATE</source>
        <translation>更新後的損失</translation>
    </message>
    <message>
        <source>before: {before}, change {change}</source>
        <translation>之前：{before}，變化 {change}</translation>
    </message>
    <message>
        <source>SAMPLE {k} OF {count}: {sample}</source>
        <translation>樣本 {k}／{count}：{sample}</translation>
    </message>
    <message>
        <source> (with the mean gradients)</source>
        <translation>（使用平均梯度）</translation>
    </message>
    <message>
        <source>the mean over the {count} samples; </source>
        <translation>{count} 個樣本的平均；</translation>
    </message>
    <message>
        <source>MEAN GRADIENTS    ∂L/∂w = (∂L/∂w of each sample, summed) / {count}, and the same for ∂L/∂b</source>
        <translation>平均梯度    ∂L/∂w = (各樣本的 ∂L/∂w 加總) / {count}，∂L/∂b 也一樣</translation>
    </message>
    <message>
        <source>LOSS OF THE MINIBATCH    L = (the samples&apos; losses, summed) / {count}</source>
        <translation>小批次的損失    L = (各樣本的損失加總) / {count}</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <source>the network has no training data</source>
        <translation>網路沒有訓練資料</translation>
    </message>
    <message>
        <source>the network has no output neuron, so there is no loss to train on</source>
        <translation>網路沒有輸出神經元，所以沒有可以訓練的損失</translation>
    </message>
    <message>
        <source>the train data has {columns} input and {targets} target column(s); the network has {inputs} input and {outputs} output neuron(s)</source>
        <translation>訓練資料有 {columns} 個輸入欄與 {targets} 個目標值欄；網路有 {inputs} 個輸入神經元與 {outputs} 個輸出神經元</translation>
    </message>
    <message>
        <source>the test data has {columns} input and {targets} target column(s); the network has {inputs} input and {outputs} output neuron(s)</source>
        <translation>測試資料有 {columns} 個輸入欄與 {targets} 個目標值欄；網路有 {inputs} 個輸入神經元與 {outputs} 個輸出神經元</translation>
    </message>
    <message>
        <source>infinite</source>
        <translation>無限大</translation>
    </message>
    <message>
        <source>not a number (NaN)</source>
        <translation>非數字（NaN）</translation>
    </message>
    <message>
        <source>The learning rate {rate} (with momentum {momentum}) is probably too high.</source>
        <translation>學習率 {rate}（動量 {momentum}）大概太高了。</translation>
    </message>
    <message>
        <source>The learning rate {rate} is probably too high.</source>
        <translation>學習率 {rate} 大概太高了。</translation>
    </message>
    <message>
        <source>It is {what} even at the weights the epoch started from, so the learning rate is not to blame: the data or the weights hold numbers too large to compute with.</source>
        <translation>即使在這個世代開始時的權重下，損失也已是{what}，所以問題不在學習率：資料或權重中有大到無法計算的數字。</translation>
    </message>
    <message>
        <source>The loss became {what} at epoch {epoch}.</source>
        <translation>損失在第 {epoch} 個世代變成{what}。</translation>
    </message>
    <message>
        <source>{became} {cause}</source>
        <translation>{became}{cause}</translation>
    </message>
</context>
<context>
    <name>TrainingActions</name>
    <message>
        <source>▶ Train</source>
        <translation>▶ 訓練</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暫停</translation>
    </message>
    <message>
        <source>Step Epoch</source>
        <translation>單步一個世代</translation>
    </message>
    <message>
        <source>Step Batch</source>
        <translation>單步一個批次</translation>
    </message>
    <message>
        <source>Reset Weights</source>
        <translation>重設權重</translation>
    </message>
    <message>
        <source>Train with SGD until paused or a stop condition is met (Ctrl+T or F6). The whole run is one undo step.</source>
        <translation>以 SGD 訓練，直到暫停或達到停止條件（Ctrl+T 或 F6）。整段訓練是一個復原步驟。</translation>
    </message>
    <message>
        <source>Train to the end of the next epoch: one pass over the training data</source>
        <translation>訓練到下一個世代結束：把訓練資料完整走過一遍</translation>
    </message>
    <message>
        <source>Train on one minibatch: one SGD update of every weight</source>
        <translation>以一個小批次訓練：對每個權重做一次 SGD 更新</translation>
    </message>
    <message>
        <source>Give every weight a fresh random start from the seed and every bias 0; the epoch counter and the loss plot start again (undoable)</source>
        <translation>依種子給每個權重新的隨機初始值，每個偏差設為 0；世代計數與損失圖重新開始（可復原）</translation>
    </message>
    <message>
        <source>Fast Training (float32)</source>
        <translation>快速訓練（float32）</translation>
    </message>
    <message>
        <source>Train in float32: faster on wide networks, with about 7 significant digits instead of 16. The backward pass step by step and the gradient check always use float64. It cannot be changed during a run.</source>
        <translation>以 float32 訓練：寬的網路訓練得更快，有效位數約 7 位而非 16 位。逐步的反向傳播與梯度檢查一律使用 float64。訓練進行中無法變更。</translation>
    </message>
</context>
<context>
    <name>TrainingDock</name>
    <message>
        <source>Squared error</source>
        <translation>平方誤差</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>Epochs trained so far (passes over the whole training set), and the minibatches done within the current one</source>
        <translation>目前已訓練的世代數（走過整個訓練集的次數），以及目前這個世代中已完成的小批次</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Set Learning Rate to {value}</source>
        <translation>將學習率設為 {value}</translation>
    </message>
    <message>
        <source>Learning rate: {reason}</source>
        <translation>學習率：{reason}</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>學習率：</translation>
    </message>
    <message>
        <source>Samples averaged into each SGD step; 1 is pure stochastic descent</source>
        <translation>每一步 SGD 平均的樣本數；1 即為純隨機梯度下降</translation>
    </message>
    <message>
        <source>Set Batch Size to {value}</source>
        <translation>將批次大小設為 {value}</translation>
    </message>
    <message>
        <source>Momentum m: each step keeps m times the previous one (v ← m·v − η·∂L/∂w); 0 is plain SGD</source>
        <translation>動量 m：每一步保留前一步的 m 倍（v ← m·v − η·∂L/∂w）；0 即為一般的 SGD</translation>
    </message>
    <message>
        <source>Set Momentum to {value}</source>
        <translation>將動量設為 {value}</translation>
    </message>
    <message>
        <source>L2 weight decay: adds l2·w to each weight&apos;s gradient, pulling weights to 0</source>
        <translation>L2 權重衰減：在每個權重的梯度加上 l2·w，把權重拉向 0</translation>
    </message>
    <message>
        <source>Set L2 to {value}</source>
        <translation>將 L2 設為 {value}</translation>
    </message>
    <message>
        <source>L2: {reason}</source>
        <translation>L2：{reason}</translation>
    </message>
    <message>
        <source>L1 penalty: adds l1·sign(w) to each weight&apos;s gradient, pulling every weight to 0 by the same amount whatever its size, so unneeded weights end near 0</source>
        <translation>L1 懲罰：在每個權重的梯度加上 l1·sign(w)，不論權重大小都以相同幅度拉向 0，因此用不到的權重最後會接近 0</translation>
    </message>
    <message>
        <source>Set L1 to {value}</source>
        <translation>將 L1 設為 {value}</translation>
    </message>
    <message>
        <source>L1: {reason}</source>
        <translation>L1：{reason}</translation>
    </message>
    <message>
        <source>Seed of the minibatch order and of Reset Weights: the same seed trains the same way</source>
        <translation>小批次順序與「重設權重」所用的種子：相同的種子會以相同的方式訓練</translation>
    </message>
    <message>
        <source>Set Training Seed to {value}</source>
        <translation>將訓練種子設為 {value}</translation>
    </message>
    <message>
        <source>Squared error ½(y − t)² suits any target; binary cross-entropy suits 0/1 labels with a sigmoid output</source>
        <translation>平方誤差 ½(y − t)² 適用於任何目標值；二元交叉熵適用於 0/1 標籤搭配 sigmoid 輸出</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批次大小：</translation>
    </message>
    <message>
        <source>Momentum:</source>
        <translation>動量：</translation>
    </message>
    <message>
        <source>L1:</source>
        <translation>L1：</translation>
    </message>
    <message>
        <source>L2:</source>
        <translation>L2：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>種子：</translation>
    </message>
    <message>
        <source>Loss:</source>
        <translation>損失函數：</translation>
    </message>
    <message>
        <source>Update biases</source>
        <translation>更新偏差</translation>
    </message>
    <message>
        <source>When on, SGD moves each bias against its gradient, as it moves the weights. When off, every bias stays fixed and only the weights learn: Matt Mazur&apos;s worked 2-2-2 backpropagation example keeps its biases fixed this way, so turn it off to follow his numbers step by step.</source>
        <translation>開啟時，SGD 會像移動權重一樣，讓每個偏差朝梯度的反方向移動。關閉時，所有偏差保持不變，只有權重會學習：Matt Mazur 的 2-2-2 反向傳播範例就是這樣固定偏差的，關閉它即可一步步對照他的數字。</translation>
    </message>
    <message>
        <source>after</source>
        <translation>經過</translation>
    </message>
    <message>
        <source>Pause by itself after this many epochs of a run</source>
        <translation>一次訓練經過這麼多世代後自動暫停</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 個世代</translation>
    </message>
    <message>
        <source>loss below</source>
        <translation>損失低於</translation>
    </message>
    <message>
        <source>Pause by itself at the end of the first epoch whose train loss is below this</source>
        <translation>在第一個訓練損失低於此值的世代結束時自動暫停</translation>
    </message>
    <message>
        <source>the loss to stop below must be above 0</source>
        <translation>停止門檻的損失必須大於 0</translation>
    </message>
    <message>
        <source>Stop:</source>
        <translation>停止：</translation>
    </message>
    <message>
        <source>Update Biases</source>
        <translation>更新偏差</translation>
    </message>
    <message>
        <source>Keep Biases Fixed</source>
        <translation>固定偏差</translation>
    </message>
    <message>
        <source>Loss not changed: {reason}</source>
        <translation>損失函數未變更：{reason}</translation>
    </message>
    <message>
        <source>+ batch {done} / {per_epoch}</source>
        <translation>+ 批次 {done} / {per_epoch}</translation>
    </message>
    <message>
        <source>Epoch {n}</source>
        <translation>世代 {n}</translation>
    </message>
    <message>
        <source>Binary cross-entropy needs sigmoid outputs</source>
        <translation>二元交叉熵需要 sigmoid 輸出</translation>
    </message>
    <message>
        <source>Make {outputs} sigmoid and use binary cross-entropy, as one undo step?</source>
        <translation>要把 {outputs} 改為 sigmoid 並使用二元交叉熵（作為一個復原步驟）嗎？</translation>
    </message>
    <message>
        <source>{reason}.

{question}</source>
        <translation>{reason}。

{question}</translation>
    </message>
    <message>
        <source>Make Outputs Sigmoid</source>
        <translation>把輸出改為 sigmoid</translation>
    </message>
    <message>
        <source>Choosing it offers to make the outputs sigmoid: {reason}</source>
        <translation>選擇它時會提議把輸出改為 sigmoid：{reason}</translation>
    </message>
</context>
<context>
    <name>TrainingPanels</name>
    <message>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>資料</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>匯入 CSV…(&amp;I)</translation>
    </message>
    <message>
        <source>Use the columns of a CSV file as the network&apos;s data</source>
        <translation>以 CSV 檔案的欄位作為網路的資料</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>訓練(&amp;T)</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>The weights are already the fresh ones: nothing to reset.</source>
        <translation>權重已經是新的初始值：沒有需要重設的。</translation>
    </message>
    <message>
        <source>Reset Weights</source>
        <translation>重設權重</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>訓練中…</translation>
    </message>
    <message>
        <source>Training paused for the edit.</source>
        <translation>因編輯而暫停訓練。</translation>
    </message>
    <message>
        <source>Cannot train: {reason}.</source>
        <translation>無法訓練：{reason}。</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <source>{setting} {rule}</source>
        <translation>{setting}{rule}</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>學習率</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>動量</translation>
    </message>
    <message>
        <source>l2</source>
        <translation>L2 正則化</translation>
    </message>
    <message>
        <source>l1</source>
        <translation>L1 正則化</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>種子</translation>
    </message>
    <message>
        <source>update biases</source>
        <translation>更新偏差</translation>
    </message>
    <message>
        <source>must be a number above 0</source>
        <translation>必須是大於 0 的數字</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to {most}</source>
        <translation>必須是 1 到 {most} 的整數</translation>
    </message>
    <message>
        <source>must be at least 0 and less than 1</source>
        <translation>必須至少為 0 且小於 1</translation>
    </message>
    <message>
        <source>must be a number of 0 or more</source>
        <translation>必須是 0 或更大的數字</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to {most}</source>
        <translation>必須是 0 到 {most} 的整數</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必須是 true 或 false</translation>
    </message>
</context>
<context>
    <name>UpdateDescription</name>
    <message>
        <source>{name} before</source>
        <translation>之前的 {name}</translation>
    </message>
    <message>
        <source>{name} after</source>
        <translation>之後的 {name}</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>動量</translation>
    </message>
</context>
<context>
    <name>UserGuideWindow</name>
    <message>
        <source>NN Playground User Guide</source>
        <translation>NN Playground 使用手冊</translation>
    </message>
    <message>
        <source>The user guide is not installed with this copy of NN Playground ({path}).</source>
        <translation>這份 NN Playground 沒有安裝使用手冊（{path}）。</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>View All</source>
        <translation>顯示全部</translation>
    </message>
    <message>
        <source>ViewBox options</source>
        <translation>檢視範圍選項</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>滑鼠模式</translation>
    </message>
</context>
</TS>
